package org.askonce.wechat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.askonce.system.DatabaseWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Answers what the {@link WechatJournal} holds once the database answers, oldest first, on this
 * instance (each instance has its own journal): a question goes through the channel like a message
 * just received and its answer is pushed through the outbox; a push is queued. Runs every
 * {@link #INTERVAL}, from start-up, so a restarted instance answers what its previous run kept.
 * An entry whose answer is already in the outbox (the instance stopped between queueing it and
 * closing the entry) is only closed; one that fails for another reason than the database gets the
 * channel's "busy" text, so that nothing is retried for ever.
 */
@Component
class JournalReplay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final WechatJournal journal;
    private final WechatMessageHandler handler;
    private final WechatOutbox outbox;
    private final ChannelTexts texts;
    private final DatabaseWatch database;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    JournalReplay(WechatJournal journal, WechatMessageHandler handler, WechatOutbox outbox, ChannelTexts texts, DatabaseWatch database) {
        this.journal = journal;
        this.handler = handler;
        this.outbox = outbox;
        this.texts = texts;
        this.database = database;
    }

    /** Answers the open entries while the database answers; returns how many were closed. */
    int replay() {
        int closed = 0;
        for (WechatJournal.Entry e : journal.open()) {
            if (!database.available()) {
                break;
            }
            try {
                answer(e);
            } catch (RuntimeException ex) {
                if (DatabaseWatch.isOutage(ex)) {
                    log.debug("WeChat journal: the database went away again, {} left", journal.open().size());
                    break;
                }
                log.error("WeChat journal entry {} ({}) could not be answered; the busy text is pushed instead", e.seq(), e.key(), ex);
                try {
                    queue(e, texts.busy());
                } catch (RuntimeException again) {
                    if (DatabaseWatch.isOutage(again)) {
                        break;
                    }
                    log.error("WeChat journal entry {} ({}) dropped: {}", e.seq(), e.key(), again.toString());
                }
            }
            journal.done(e.seq());
            closed++;
        }
        if (closed > 0) {
            log.info("WeChat journal: {} message(s) answered by push, {} left", closed, journal.open().size());
        }
        return closed;
    }

    private void answer(WechatJournal.Entry e) {
        if (queued(e)) {
            return;
        }
        String reply = e.kind() == WechatJournal.Kind.PUSH ? e.text() : handler.respond(e.appId(), e.toMessage());
        if (reply != null && !reply.isBlank()) {
            queue(e, reply);
        }
    }

    private void queue(WechatJournal.Entry e, String text) {
        outbox.enqueue(e.appId(), e.openId(), text, e.key());
    }

    /** Whether the entry's answer is in the outbox already. */
    private boolean queued(WechatJournal.Entry e) {
        return e.key() != null && outbox.messagesTo(e.appId(), e.openId()).stream().anyMatch(m -> e.key().equals(m.reference()));
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wechat-journal");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (!journal.isEmpty() && database.available()) {
                    replay();
                }
            } catch (RuntimeException e) {
                log.error("WeChat journal replay failed", e);
            }
        }, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
