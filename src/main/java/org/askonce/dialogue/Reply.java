package org.askonce.dialogue;

import java.util.List;
import org.askonce.knowledge.Element;

/**
 * The bot's answer to one message: what it did, about which item and element, the text the citizen
 * sees, the options of a menu, and how sure it was (0..1). {@code faqQuestion} is set when a FAQ
 * answered. {@code messageId} is the id of this reply among the conversation's messages (see
 * {@link DialogueEngine#messagesOf}), so a front end can poll for what comes after it. {@code eventName}
 * is set when the answer is about a life event (一件事): then {@code itemId}/{@code itemName} are its
 * first step's item and {@code options} its steps' items, in order.
 */
public record Reply(String conversationId, Action action, String itemId, String itemName, Element element, String reply,
                    List<String> options, double confidence, String faqId, String faqQuestion, long messageId, List<Element> elements,
                    String eventName) {

    public Reply {
        options = options == null ? List.of() : List.copyOf(options);
        elements = elements == null || elements.isEmpty() ? (element == null ? List.of() : List.of(element)) : List.copyOf(elements);
    }

    /** A reply about items, not a life event ({@code eventName} null). */
    public Reply(String conversationId, Action action, String itemId, String itemName, Element element, String reply,
                 List<String> options, double confidence, String faqId, String faqQuestion, long messageId, List<Element> elements) {
        this(conversationId, action, itemId, itemName, element, reply, options, confidence, faqId, faqQuestion, messageId, elements,
                null);
    }

    /** A reply about at most one element ({@code elements} is that one, or none). */
    public Reply(String conversationId, Action action, String itemId, String itemName, Element element, String reply,
                 List<String> options, double confidence, String faqId, String faqQuestion, long messageId) {
        this(conversationId, action, itemId, itemName, element, reply, options, confidence, faqId, faqQuestion, messageId, List.of());
    }
}
