package org.askonce.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A question and answer: a standard question, the similar ways citizens ask it, and the answer.
 * {@code itemId} is the item it belongs to, or null for a hall-level FAQ (hours, parking, 12345…).
 * {@code topic} optionally says which element the FAQ is about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Faq(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case kebab-case slug") String id,
        String itemId,
        Element topic,
        @NotBlank String question,
        @NotNull List<@NotBlank String> similar,
        @NotBlank String answer) {

    public Faq {
        similar = similar == null ? List.of() : List.copyOf(similar);
    }

    public Faq withItemId(String newItemId) {
        return new Faq(id, newItemId, topic, question, similar, answer);
    }
}
