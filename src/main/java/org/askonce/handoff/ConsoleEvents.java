package org.askonce.handoff;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to open agent consoles: every change of the queue (a new hand-off, a claim, a
 * citizen's message, a reply…) once it is committed, so consoles refresh without reloading. Each
 * instance tells the consoles connected to it; the console also refreshes every 30 s, which covers
 * changes made on another instance.
 */
@Component
class ConsoleEvents {

    private static final Logger log = LoggerFactory.getLogger(ConsoleEvents.class);
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    SseEmitter connect() {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(HandoffQueue.QueueChanged change) {
        String data = "{\"conversationId\":\"" + change.conversationId() + "\",\"what\":\"" + change.what() + "\"}";
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("queue").data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
                log.debug("console disconnected: {}", e.getMessage());
            }
        }
    }

    /**
     * Open streams would keep the server's graceful shutdown waiting (30 s): end them as soon as the
     * application starts closing, before the web server stops.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                log.debug("could not end a console stream: {}", e.getMessage());
            }
        }
        emitters.clear();
    }

    int connected() {
        return emitters.size();
    }
}
