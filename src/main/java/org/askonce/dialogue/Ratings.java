package org.askonce.dialogue;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.askonce.nlp.TextNormaliser;

/** How citizens rate (1 满意, 2 基本满意, 3 不满意) and cancel waiting for a person ("不用了"), in their words. */
final class Ratings {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("1", 1), Map.entry("满意", 1), Map.entry("很满意", 1), Map.entry("非常满意", 1),
            Map.entry("2", 2), Map.entry("基本满意", 2), Map.entry("还行", 2), Map.entry("一般", 2),
            Map.entry("3", 3), Map.entry("不满意", 3), Map.entry("很不满意", 3), Map.entry("不太满意", 3),
            Map.entry("非常不满意", 3));
    private static final Set<String> CANCEL = Set.of("不用了", "不用", "算了", "取消", "不需要了", "不需要", "不要了", "不用人工了",
            "取消人工", "不用转人工", "不用了谢谢", "算了不用了", "没事了");

    private Ratings() {
    }

    static OptionalInt parse(String text) {
        Integer r = WORDS.get(TextNormaliser.compact(text));
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }

    static boolean cancels(String text) {
        return CANCEL.contains(TextNormaliser.compact(text));
    }

    static String label(int rating) {
        return switch (rating) {
            case 1 -> "满意";
            case 2 -> "基本满意";
            default -> "不满意";
        };
    }
}
