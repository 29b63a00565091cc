package org.askonce.dialogue;

import java.util.List;
import org.askonce.knowledge.Element;

/**
 * The bot's answer to one message: what it did, about which item and element, the text the citizen
 * sees, the options of a menu, and how sure it was (0..1). {@code faqQuestion} is set when a FAQ
 * answered.
 */
public record Reply(String conversationId, Action action, String itemId, String itemName, Element element, String reply,
                    List<String> options, double confidence, String faqId, String faqQuestion) {

    public Reply {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
