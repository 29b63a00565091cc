package org.askonce.dialogue;

import java.util.List;
import java.util.Optional;
import org.askonce.nlp.WordLists;

/**
 * Another Chinese region's affairs are not ours: "北京的居住证怎么办" names a place outside the area
 * served (and none inside it), and does not move something to or from it ("社保从上海转过来").
 * The dialogue declines such questions politely, unless the item they match names that place itself.
 */
public final class RegionGuard {

    /** Words that make another city's name part of a local question (社保从上海转过来). */
    private static final List<String> CROSS_REGION = List.of("转", "迁", "异地", "跨省", "外地", "老家", "回去", "过来");
    private static final List<String> OTHER_REGIONS = WordLists.read("dialogue/other-regions.txt");

    private final List<String> localPlaces;

    public RegionGuard(DialogueSettings settings) {
        this.localPlaces = settings.localPlaces();
    }

    /** The other region a question is about, if it is about one and not also about ours or a move between them. */
    public Optional<String> otherRegion(String text) {
        Optional<String> other = OTHER_REGIONS.stream().filter(text::contains).findFirst();
        if (other.isEmpty() || localPlaces.stream().anyMatch(text::contains) || CROSS_REGION.stream().anyMatch(text::contains)) {
            return Optional.empty();
        }
        return other;
    }
}
