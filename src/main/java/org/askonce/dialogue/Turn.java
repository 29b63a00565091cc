package org.askonce.dialogue;

import java.time.Instant;
import org.askonce.knowledge.Element;

/**
 * One exchange as stored: the citizen's question and the bot's reply. A message to an agent has no
 * reply; the agent's answers are stored on their own ({@link ConversationStore#appendReply}).
 */
public record Turn(String conversationId, Instant at, String question, String intent, Action action, String itemId,
                   Element element, String faqId, double confidence, String reply) {
}
