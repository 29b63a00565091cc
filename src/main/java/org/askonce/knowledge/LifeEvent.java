package org.askonce.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A life event (一件事): what a citizen has to do when something happens in their life (a baby is
 * born, a restaurant opens), as the service items it needs, in order, each with why it is needed
 * and, for a step not everyone needs, when it is ({@code condition}: "有门面招牌的"). Its
 * {@code wordings} are how citizens ask about the whole situation ("开个小饭馆要办哪些证"); they are
 * searched like an item's aliases. Stored as {@code events/<id>.yaml} beside the items; every step
 * names an item of the same knowledge base by id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifeEvent(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case kebab-case slug") String id,
        @NotBlank @Size(max = 100) String name,
        @NotNull List<@NotBlank String> wordings,
        String summary,
        @NotEmpty List<@Valid @NotNull Step> steps,
        String note,
        @NotBlank String source) {

    public LifeEvent {
        wordings = wordings == null ? List.of() : List.copyOf(wordings);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The ids of the items the event's steps need, in order. */
    public List<String> itemIds() {
        return steps.stream().map(Step::item).toList();
    }

    /** Whether a step of the event needs the item. */
    public boolean uses(String itemId) {
        return steps.stream().anyMatch(s -> s.item().equals(itemId));
    }

    /**
     * One step: the item's id, the item's name as the event was written for it ({@code itemName};
     * when the item is renamed, the event is flagged until it is updated), why the event needs it, and
     * when it is needed if not always ({@code condition} null: always).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(@NotBlank String item, String itemName, @NotBlank String why, String condition) {
    }
}
