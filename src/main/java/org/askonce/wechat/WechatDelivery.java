package org.askonce.wechat;

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
        outbox.enqueue(appId, push.userId(), push.text(), PREFIX + push.turnId() + ":" + push.conversationId());
    }

    /** Called by the dispatcher when a message's delivery state changes. */
    void settled(WechatOutbox.Message m, String state, String detail) {
        String ref = m.reference();
        if (ref == null || !ref.startsWith(PREFIX)) {
            return;
        }
        String[] parts = ref.substring(PREFIX.length()).split(":", 2);
        try {
            events.publishEvent(new PushSettled(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : null, state, detail));
        } catch (NumberFormatException e) {
            log.warn("outbox {}: unreadable reference {}", m.id(), ref);
        }
    }
}
