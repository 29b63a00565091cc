package org.askonce.webchat;

import jakarta.validation.Valid;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The web chat API: one message in, the bot's reply out. The page at / talks to it. */
@RestController
class ChatController {

    private final DialogueEngine dialogue;

    ChatController(DialogueEngine dialogue) {
        this.dialogue = dialogue;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(@Valid @RequestBody ChatRequest request) {
        return ChatResponse.of(dialogue.handle(Channel.WEB, request.userId(), request.text()));
    }
}
