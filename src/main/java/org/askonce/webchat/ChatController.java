package org.askonce.webchat;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DeliveryEvents.PushSettled;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.Message;
import org.askonce.dialogue.Reply;
import org.askonce.guide.GuideLinks;
import org.askonce.system.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web chat API: a message in, the bot's reply out; the conversation's new messages (an agent's
 * replies arrive here while a person has the conversation); ratings; clearing one's history. Every
 * call is the citizen of the identity cookie ({@link CitizenAccess}); the page at / talks to it. A
 * message to the citizen that waited unread (an agent's reply) is delivered when this API gives it to
 * the citizen's page: its delivery becomes SENT, which the agent sees as 已送达.
 */
@RestController
@Validated
class ChatController {

    private static final String USER_ID = "[\\w.:@-]*";
    private static final String USER_ID_MESSAGE = "userId 只能包含字母、数字和 . _ : @ -";

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);
    private static final String UNREAD = "UNREAD";

    private final DialogueEngine dialogue;
    private final Conversations conversations;
    private final CitizenAccess access;
    private final RateLimiter limiter;
    private final GuideLinks guides;
    private final ApplicationEventPublisher events;

    ChatController(DialogueEngine dialogue, Conversations conversations, CitizenAccess access, RateLimiter limiter, GuideLinks guides,
                   ApplicationEventPublisher events) {
        this.dialogue = dialogue;
        this.conversations = conversations;
        this.access = access;
        this.limiter = limiter;
        this.guides = guides;
        this.events = events;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(@Valid @RequestBody ChatRequest request, HttpServletRequest http, HttpServletResponse response) {
        CitizenAccess.Citizen citizen = access.writer(request.userId(), http, response);
        if (!limiter.allowWeb(citizen.countedAs(), http)) {
            throw new TooFast();
        }
        Reply reply = dialogue.handle(Channel.WEB, citizen.userId(), request.text());
        // a life event's answer is about several items: each step's guide is one tap further
        String guideUrl = reply.action() == Action.ANSWER && reply.eventName() == null ? guides.forAnswer(reply.itemId(), request.text()).orElse(null) : null;
        return ChatResponse.of(reply, citizen.userId(), guideUrl);
    }

    /**
     * The citizen's messages after message id {@code after} (0: from the start), oldest first. Those
     * that waited unread are marked {@code unread} in this answer and are delivered from now on.
     */
    @GetMapping(path = "/api/chat/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MessageView> messages(@RequestParam(required = false) @Size(min = 1, max = 128, message = "userId 长度应为 1–128 个字符")
                               @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                               @RequestParam(defaultValue = "0") @Min(value = 0, message = "after 不能为负数") long after,
                               HttpServletRequest http, HttpServletResponse response) {
        List<Message> messages = access.reader(userId, http, response).map(u -> conversations.messagesOf(Channel.WEB, u, after))
                .orElse(List.of());
        String detail = access.trusted(http) ? "接入方已获取" : "市民的聊天页面已获取";
        for (Message m : messages) {
            if (UNREAD.equals(m.delivery())) {
                delivered(m, detail);
            }
        }
        return messages.stream().map(m -> MessageView.of(m, m.action() == Action.ANSWER && m.itemId() != null ? guides.of(m.itemId()) : null))
                .toList();
    }

    /** Records that the citizen's page has the message; a failure is logged and the message stays unread (tried on the next fetch). */
    private void delivered(Message m, String detail) {
        try {
            events.publishEvent(new PushSettled(m.turnId(), m.conversationId(), "SENT", detail));
        } catch (RuntimeException e) {
            log.warn("conversation {}: could not record that message {} was fetched", m.conversationId(), m.id(), e);
        }
    }

    /** 清除记录: deletes the citizen's conversations (an open hand-off with them) and ends their identity. */
    @DeleteMapping(path = "/api/chat/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> clear(@RequestParam(required = false) @Size(min = 1, max = 128, message = "userId 长度应为 1–128 个字符")
                              @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
                              HttpServletRequest http, HttpServletResponse response) {
        int cleared = access.clearing(userId, http, response).map(u -> conversations.forget(Channel.WEB, u)).orElse(0);
        return Map.of("cleared", cleared, "message", "聊天记录已清除");
    }

    /**
     * Rates an answer, or the hand-off that ended: 1 满意, 2 基本满意, 3 不满意. {@code messageId} names
     * the answer (any of the citizen's, however early); without it, the latest answer is rated.
     */
    @PostMapping(path = "/api/chat/rating", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse rate(@Valid @RequestBody RatingRequest request, HttpServletRequest http, HttpServletResponse response) {
        String userId = access.writer(request.userId(), http, response).userId();
        return ChatResponse.of(request.messageId() == null ? dialogue.rate(Channel.WEB, userId, request.rating())
                : dialogue.rate(Channel.WEB, userId, request.messageId(), request.rating()), userId);
    }

    @ExceptionHandler(DialogueEngine.NotTheirs.class)
    ResponseEntity<Map<String, String>> notTheirs(DialogueEngine.NotTheirs e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> nothingToRate(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    /** Over the per-minute limit: asked to slow down; the message is not stored. */
    static final class TooFast extends RuntimeException {
        TooFast() {
            super("您发送得太快了，请稍等一分钟再问。", null, false, false);
        }
    }

    @ExceptionHandler(TooFast.class)
    ResponseEntity<Map<String, String>> tooFast(TooFast e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(CitizenAccess.Refused.class)
    ResponseEntity<Map<String, String>> refused(CitizenAccess.Refused e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }

    record RatingRequest(
            @Size(min = 1, max = 128, message = "userId 长度应为 1–128 个字符") @Pattern(regexp = USER_ID, message = USER_ID_MESSAGE) String userId,
            @Min(value = 1, message = "评价应为 1（满意）、2（基本满意）或 3（不满意）")
            @Max(value = 3, message = "评价应为 1（满意）、2（基本满意）或 3（不满意）") int rating,
            @Min(value = 1, message = "messageId 应为要评价的回答的编号（正整数）") Long messageId) {
    }

    /**
     * One message as the chat API gives it. {@code unread}: it waited for the citizen's page (an agent's
     * reply that came while the page was closed) and this is the first time it is given; {@code rating}:
     * the citizen's rating of an answer, null when not rated; {@code guideUrl}: the complete guide of the item an
     * answer was about, as in the answer of {@code POST /api/chat}.
     */
    record MessageView(long id, String sender, String text, Instant time, String action, String agent, String delivery,
                       boolean unread, @JsonInclude(JsonInclude.Include.NON_NULL) Integer rating,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String guideUrl) {

        static MessageView of(Message m, String guideUrl) {
            boolean unread = UNREAD.equals(m.delivery());
            return new MessageView(m.id(), m.sender().name(), m.text(), m.at(), m.action().name(), m.agent(),
                    unread ? "SENT" : m.delivery(), unread, m.rating(), guideUrl);
        }
    }
}
