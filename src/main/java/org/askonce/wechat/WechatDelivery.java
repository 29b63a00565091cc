package org.askonce.wechat;

import java.util.List;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DeliveryEvents.PushRequested;
import org.askonce.dialogue.DeliveryEvents.PushSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pushes messages that are not passive replies (an agent's answer, the end of a hand-off) to WeChat
 * citizens through the outbox, and tells the sender how each push ended.
 */
@Component
class WechatDelivery {

    private static final Logger log = LoggerFactory.getLogger(WechatDelivery.class);
    private static final String PREFIX = "turn:";

    private final WechatOutbox outbox;
    private final WechatFollowers followers;
    private final WechatAccounts accounts;
    private final ApplicationEventPublisher events;

    WechatDelivery(WechatOutbox outbox, WechatFollowers followers, WechatAccounts accounts, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.followers = followers;
        this.accounts = accounts;
        this.events = events;
    }

    @EventListener
    void on(PushRequested push) {
        if (push.channel() != Channel.WECHAT) {
            return;
        }
        String appId = followers.accountOf(push.userId()).orElseGet(accounts::soleAccount);
        if (appId == null) {
            log.warn("turn {}: no WeChat account known for the citizen; not pushed", push.turnId());
            events.publishEvent(new PushSettled(push.turnId(), push.conversationId(), "FAILED", "不知道该市民关注的是哪个公众号"));
            return;
        }
        // longer than WeChat takes: several messages, split at line ends, sent in order (the outbox keeps a user's order)
        String reference = PREFIX + push.turnId() + ":" + push.conversationId();
        for (String part : WechatText.pushParts(push.text())) {
            outbox.enqueue(appId, push.userId(), part, reference);
        }
    }

    /**
     * Called by the dispatcher when a message's delivery state changes. A message sent in parts is
     * SENT once every part is; a part WeChat refused decides its state; else it is still PENDING.
     */
    void settled(WechatOutbox.Message m, String state, String detail) {
        String ref = m.reference();
        if (ref == null || !ref.startsWith(PREFIX)) {
            return;
        }
        String[] parts = ref.substring(PREFIX.length()).split(":", 2);
        long turnId;
        try {
            turnId = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            log.warn("outbox {}: unreadable reference {}", m.id(), ref);
            return;
        }
        List<WechatOutbox.Message> all = outbox.withReference(ref);
        if (all.size() > 1) {
            Whole whole = whole(all, m, state, detail);
            state = whole.state();
            detail = whole.detail();
        }
        events.publishEvent(new PushSettled(turnId, parts.length > 1 ? parts[1] : null, state, detail));
    }

    private record Whole(String state, String detail) {
    }

    /** The state of a message sent in parts, {@code m} being in {@code state} now (its row may not say so yet). */
    private static Whole whole(List<WechatOutbox.Message> all, WechatOutbox.Message m, String state, String detail) {
        int sent = 0;
        for (WechatOutbox.Message part : all) {
            String s = part.id() == m.id() ? state : part.state().name();
            if (!s.equals("SENT") && !s.equals("PENDING")) {
                return new Whole(s, part.id() == m.id() ? detail : part.lastError());
            }
            if (s.equals("SENT")) {
                sent++;
            }
        }
        if (sent == all.size()) {
            return new Whole("SENT", null);
        }
        return new Whole("PENDING", "分" + all.size() + "条发送，已发出" + sent + "条" + (detail == null ? "" : "；" + detail));
    }
}
