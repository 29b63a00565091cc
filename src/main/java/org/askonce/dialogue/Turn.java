package org.askonce.dialogue;

import java.time.Instant;
import org.askonce.knowledge.Element;

/** One question and the bot's answer to it, as stored. */
public record Turn(String conversationId, Instant at, String question, String intent, Action action, String itemId,
                   Element element, String faqId, double confidence, String reply) {
}
