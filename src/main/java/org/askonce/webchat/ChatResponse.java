package org.askonce.webchat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.askonce.dialogue.Reply;

/**
 * {@code POST /api/chat} answer. The field names are a contract other tools depend on; a FAQ
 * answer also carries {@code faqQuestion}; {@code messageId} is the reply's id among the messages of
 * {@code GET /api/chat/messages} (poll after it for an agent's answers). {@code elements}: every
 * element an answer answers, in the order asked ("在哪办，要带啥": LOCATION, MATERIALS); {@code element}
 * is the first of them. {@code userId}: the conversation's user (the one the server assigned when the
 * request named none). {@code guideUrl}: for an answer about an item, the address of its complete guide
 * ({@code <public base URL>/guide/<item id>}, the link WeChat answers carry too); null otherwise.
 * {@code eventName}: the life event (一件事) an answer is about (then {@code itemName} is its first
 * step's item and {@code options} its steps); null otherwise.
 */
record ChatResponse(String action, String itemName, String element, List<String> elements, String reply, List<String> options,
                    double confidence, @JsonInclude(JsonInclude.Include.NON_NULL) String faqQuestion, long messageId, String userId,
                    String guideUrl, String eventName) {

    static ChatResponse of(Reply reply, String userId) {
        return of(reply, userId, null);
    }

    static ChatResponse of(Reply reply, String userId, String guideUrl) {
        return new ChatResponse(reply.action().name(), reply.itemName(), reply.element() == null ? null : reply.element().name(),
                reply.action() == org.askonce.dialogue.Action.ANSWER ? reply.elements().stream().map(Enum::name).toList() : List.of(),
                reply.reply(), reply.options(), Math.round(reply.confidence() * 1000) / 1000.0, reply.faqQuestion(),
                reply.messageId(), userId, reply.action() == org.askonce.dialogue.Action.ANSWER ? guideUrl : null,
                reply.eventName());
    }
}
