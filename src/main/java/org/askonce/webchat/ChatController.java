package org.askonce.webchat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.Message;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web chat API: a message in, the bot's reply out; the conversation's new messages (an agent's
 * replies arrive here while a person has the conversation); ratings. The page at / talks to it.
 */
@RestController
@Validated
class ChatController {

    private final DialogueEngine dialogue;

    ChatController(DialogueEngine dialogue) {
        this.dialogue = dialogue;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(@Valid @RequestBody ChatRequest request) {
        return ChatResponse.of(dialogue.handle(Channel.WEB, request.userId(), request.text()));
    }

    /** The user's messages after message id {@code after} (0: from the start), oldest first. */
    @GetMapping(path = "/api/chat/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MessageView> messages(@RequestParam @NotBlank @Size(max = 128) @Pattern(regexp = "[\\w.:@-]*",
                                       message = "userId may contain only letters, digits and . _ : @ -") String userId,
                               @RequestParam(defaultValue = "0") @Min(value = 0, message = "after must not be negative") long after) {
        return dialogue.messagesOf(Channel.WEB, userId, after).stream().map(MessageView::of).toList();
    }

    /** Rates the latest answer or the hand-off that just ended: 1 满意, 2 基本满意, 3 不满意. */
    @PostMapping(path = "/api/chat/rating", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse rate(@Valid @RequestBody RatingRequest request) {
        return ChatResponse.of(dialogue.rate(Channel.WEB, request.userId(), request.rating()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> nothingToRate(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    record RatingRequest(
            @NotBlank(message = "userId must not be blank") @Size(max = 128) @Pattern(regexp = "[\\w.:@-]*",
                    message = "userId may contain only letters, digits and . _ : @ -") String userId,
            @Min(value = 1, message = "rating must be 1, 2 or 3") @Max(value = 3, message = "rating must be 1, 2 or 3") int rating) {
    }

    /** One message as the chat API gives it. */
    record MessageView(long id, String sender, String text, Instant time, String action, String agent, String delivery) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.sender().name(), m.text(), m.at(), m.action().name(), m.agent(), m.delivery());
        }
    }
}
