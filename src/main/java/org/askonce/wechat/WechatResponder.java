package org.askonce.wechat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.askonce.system.DatabaseWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * WeChat's rules around the reply: each message is handled once (however often WeChat retries it,
 * on whichever instance), and the passive reply goes out within the budget, counted from the
 * request's arrival. An answer that is not ready in time is sent later as a customer-service message
 * through the outbox, and WeChat gets an empty "success" now. A retry gets the reply the first
 * delivery got, or "success". While the database does not answer, a message is journaled on the
 * instance ({@link WechatJournal}) and answered by push once it does; the citizen is told so now.
 */
@Component
class WechatResponder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WechatResponder.class);
    private static final Duration RETRY_POLL = Duration.ofMillis(20);

    private final WechatMessageHandler handler;
    private final MessageLedger ledger;
    private final WechatOutbox outbox;
    private final ChannelTexts texts;
    private final WechatSettings settings;
    private final WechatJournal journal;
    private final DatabaseWatch database;
    private final ExecutorService workers;

    WechatResponder(WechatMessageHandler handler, MessageLedger ledger, WechatOutbox outbox, ChannelTexts texts,
                    WechatSettings settings, WechatJournal journal, DatabaseWatch database) {
        this.handler = handler;
        this.ledger = ledger;
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
        this.journal = journal;
        this.database = database;
        int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "wechat-answer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The key a message is known by: its MsgId, or for events (which have none) sender and time. */
    static String key(String appId, WxMpXmlMessage m) {
        if (m.getMsgId() != null) {
            return appId + ":m:" + m.getMsgId();
        }
        return appId + ":e:" + m.getFromUser() + ":" + m.getCreateTime() + ":" + m.getEvent();
    }

    /** The passive reply to give, or null for an empty "success". */
    String respond(String appId, WxMpXmlMessage m) {
        return respond(appId, m, System.nanoTime());
    }

    /**
     * The passive reply to give, or null for an empty "success", within the reply budget counted from
     * {@code receivedNanos} (when the request arrived): the ledger's time is part of it.
     */
    String respond(String appId, WxMpXmlMessage m, long receivedNanos) {
        long deadline = receivedNanos + settings.replyBudget().toNanos();
        String key = key(appId, m);
        if (!ledger.claim(key, settings.dedupTtl())) {
            return replyOfFirstDelivery(appId, m, key, deadline);
        }
        if (!database.available()) {
            return journaled(appId, m, key);
        }
        long start = System.nanoTime();
        CompletableFuture<String> work = CompletableFuture.supplyAsync(() -> handler.respond(appId, m), workers);
        try {
            String reply = work.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            ledger.settle(key, reply, settings.dedupTtl());
            return reply;
        } catch (TimeoutException e) {
            ledger.settle(key, null, settings.dedupTtl());
            log.info("message {}: no answer within {} ms, it will be sent as a customer-service message", key,
                    settings.replyBudget().toMillis());
            work.whenComplete((reply, error) -> late(appId, m, key, reply, error, start));
            return null;
        } catch (ExecutionException e) {
            if (DatabaseWatch.isOutage(e.getCause())) {
                return journaled(appId, m, key);
            }
            log.error("message {}: could not be answered", key, e.getCause());
            ledger.settle(key, texts.busy(), settings.dedupTtl());
            return texts.busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ledger.settle(key, null, settings.dedupTtl());
            return null;
        }
    }

    /**
     * The answer that missed the budget, pushed through the outbox. When the database went away
     * meanwhile, the message (or the answer, if it was ready) is journaled instead, to be pushed once
     * the database is back.
     */
    private void late(String appId, WxMpXmlMessage m, String key, String reply, Throwable error, long start) {
        if (error != null && DatabaseWatch.isOutage(error)) {
            tryJournal(() -> journal.question(appId, m, key), key);
            return;
        }
        String late = error != null ? texts.busy() : reply;
        if (late == null) {
            return;
        }
        try {
            long id = outbox.enqueue(appId, m.getFromUser(), late, key);
            log.debug("message {}: late answer queued as outbox {} after {} ms", key, id, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            if (DatabaseWatch.isOutage(e)) {
                tryJournal(() -> journal.push(appId, m.getFromUser(), late, key), key);
            } else {
                log.error("message {}: the late answer could not be queued", key, e);
            }
        }
    }

    /**
     * The database does not answer: the message is journaled, to be answered by push when it does,
     * and WeChat is told so now (a question gets {@link ChannelTexts#queued()}, an event "success").
     */
    private String journaled(String appId, WxMpXmlMessage m, String key) {
        if (!tryJournal(() -> journal.question(appId, m, key), key)) {
            ledger.settle(key, texts.busy(), settings.dedupTtl());
            return texts.busy();
        }
        boolean asks = !"event".equalsIgnoreCase(m.getMsgType()) || "click".equalsIgnoreCase(m.getEvent());
        String reply = asks ? texts.queued() : null;
        ledger.settle(key, reply, settings.dedupTtl());
        return reply;
    }

    private boolean tryJournal(Runnable write, String key) {
        try {
            write.run();
            log.debug("message {}: the database does not answer, journaled", key);
            return true;
        } catch (RuntimeException e) {
            log.error("message {}: the database does not answer and the journal cannot be written; the message is lost", key, e);
            return false;
        }
    }

    /**
     * A retry: waits (within the budget) for the first delivery to be answered, then gives the same
     * reply. A first delivery that is still not settled when the retry's own budget is over was taken
     * by an instance that is gone (a live one settles within its budget, before WeChat retries): the
     * retry answers it then, by push, once (a second claim).
     */
    private String replyOfFirstDelivery(String appId, WxMpXmlMessage m, String key, long deadline) {
        while (true) {
            var settled = ledger.settled(key);
            if (settled.isPresent()) {
                log.debug("message {}: retry, same reply as the first delivery", key);
                return settled.get().reply();
            }
            if (System.nanoTime() - deadline > 0) {
                if (ledger.claim(key + ":again", settings.dedupTtl())) {
                    log.warn("message {}: its first delivery was never answered (the instance that took it is gone); answering it by push", key);
                    long start = System.nanoTime();
                    CompletableFuture.supplyAsync(() -> handler.respond(appId, m), workers)
                            .whenComplete((reply, error) -> late(appId, m, key, reply, error, start));
                }
                return null;
            }
            try {
                Thread.sleep(RETRY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
