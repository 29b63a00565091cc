package org.askonce.dialogue;

import java.time.Instant;
import org.askonce.knowledge.Element;

/**
 * A citizen's message was handled by the bot (whatever the action). For counting. {@code eventId}: the
 * life event (一件事) answered, null otherwise (then {@code itemId} is its first step's item).
 */
public record QuestionAnswered(String conversationId, Channel channel, Action action, String itemId, Element element,
                               String faqId, double confidence, Instant at, String eventId) {
}
