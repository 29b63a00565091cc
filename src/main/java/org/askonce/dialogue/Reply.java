package org.askonce.dialogue;

import java.util.List;
import org.askonce.knowledge.Element;

/**
 * The bot's answer to one message: what it did, about which item and element, the text the citizen
 * sees, the options of a menu, and how sure it was (0..1). {@code faqQuestion} is set when a FAQ
 * answered. {@code messageId} is the id of this reply among the conversation's messages (see
 * {@link Conversations#messagesOf}), so a front end can poll for what comes after it. {@code eventName}
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

    /**
     * A reply that is about no item: a rating acknowledged (RATED), a notice about the hand-off
     * (NOTICE), or what a citizen is told while a person has the conversation (WITH_AGENT).
     */
    static Reply said(String conversationId, Action action, String text, double confidence, long messageId) {
        return new Reply(conversationId, action, null, null, null, text, List.of(), confidence, null, null, messageId, List.of(), null);
    }
}
