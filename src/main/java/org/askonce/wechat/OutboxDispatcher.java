package org.askonce.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.askonce.system.DatabaseWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the {@link WechatOutbox}: claims a message (so one instance sends it),
 * sends it, and records the outcome. A failure is retried with doubling delays; WeChat's 45015
 * (the user has not written within 48 hours) and 45047 (quota used up) and other refusals that a
 * retry cannot fix end the message at once with their state, so they are not retried forever.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /**
     * Refusals a retry cannot fix: invalid openid, user not following, API not authorised, content too
     * long, invalid app id, invalid template id, invalid template fields, the user refused the account's
     * messages.
     */
    private static final Set<Integer> PERMANENT = Set.of(40003, 43004, 48001, 45002, 40013, 40037, 47003, 43101);
    private static final Duration CLAIM = Duration.ofSeconds(60);

    private final WechatOutbox outbox;
    private final KefuSender sender;
    private final WechatSettings.Outbox settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    private final WechatDelivery delivery;

    private final DatabaseWatch database;

    @Autowired
    OutboxDispatcher(WechatOutbox outbox, KefuSender sender, WechatSettings settings, WechatDelivery delivery, DatabaseWatch database) {
        this(outbox, sender, settings.outbox(), Clock.systemUTC(), delivery, database);
    }

    OutboxDispatcher(WechatOutbox outbox, KefuSender sender, WechatSettings.Outbox settings, Clock clock, WechatDelivery delivery,
                     DatabaseWatch database) {
        this.database = database;
        this.delivery = delivery;
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends every message due now; returns how many were sent. */
    int dispatchDue() {
        int sent = 0;
        Instant now = clock.instant();
        for (WechatOutbox.Message m : outbox.due(now, 50)) {
            if (outbox.claim(m.id(), now, now.plus(CLAIM)) && send(m, m.attempts() + 1)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(WechatOutbox.Message m, int attempt) {
        try {
            if (m.isTemplate()) {
                sender.sendTemplate(m.appId(), m.openId(), m.template(), m.content(), "askonce-outbox-" + m.id());
            } else {
                sender.send(m.appId(), m.openId(), m.content());
            }
            outbox.sent(m.id(), clock.instant());
            delivery.settled(m, "SENT", null);
            log.debug("outbox {}: sent on attempt {}", m.id(), attempt);
            return true;
        } catch (KefuSender.SendFailure f) {
            if (f.code() == 45015) {
                outbox.givenUp(m.id(), WechatOutbox.State.OUTSIDE_WINDOW, f.getMessage());
                delivery.settled(m, "OUTSIDE_WINDOW", f.getMessage());
                log.warn("outbox {}: not sent, the user has not written within 48 hours (45015)", m.id());
            } else if (f.code() == 45047) {
                outbox.givenUp(m.id(), WechatOutbox.State.QUOTA_EXCEEDED, f.getMessage());
                delivery.settled(m, "QUOTA_EXCEEDED", f.getMessage());
                log.warn("outbox {}: not sent, customer-service message quota used up (45047)", m.id());
            } else if (PERMANENT.contains(f.code()) || attempt >= settings.maxAttempts()) {
                outbox.givenUp(m.id(), WechatOutbox.State.FAILED, f.getMessage());
                delivery.settled(m, "FAILED", f.getMessage());
                log.warn("outbox {}: given up after {} attempt(s): {}", m.id(), attempt, f.getMessage());
            } else {
                Duration delay = backoff(attempt);
                outbox.retryAt(m.id(), clock.instant().plus(delay), f.getMessage());
                delivery.settled(m, "PENDING", "第" + attempt + "次发送失败，稍后重试：" + f.getMessage());
                log.info("outbox {}: attempt {} failed ({}), next in {} s", m.id(), attempt, f.getMessage(), delay.toSeconds());
            }
            return false;
        } catch (RuntimeException e) {
            outbox.retryAt(m.id(), clock.instant().plus(backoff(attempt)), e.getClass().getSimpleName());
            log.error("outbox {}: could not send", m.id(), e);
            return false;
        }
    }

    /** firstRetry × 2^(attempt−1), at most maxRetry. */
    Duration backoff(int attempt) {
        Duration d = settings.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : d;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("WeChat outbox dispatcher disabled (askonce.wechat.outbox.enabled=false)");
            running = true;
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wechat-outbox");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            if (!database.available()) {
                return; // the outbox is in the database: nothing to send until it answers (and nothing to log each time)
            }
            try {
                dispatchDue();
            } catch (RuntimeException e) {
                if (DatabaseWatch.isOutage(e)) {
                    log.warn("WeChat outbox dispatch stopped, the database does not answer: {}", e.toString());
                } else {
                    log.error("WeChat outbox dispatch failed", e);
                }
            }
        }, settings.pollInterval().toMillis(), settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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
