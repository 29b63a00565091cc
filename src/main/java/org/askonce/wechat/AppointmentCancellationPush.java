package org.askonce.wechat;

import org.askonce.appointments.AppointmentCancelledByHall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a WeChat citizen through the outbox that the hall closed the slot of their booking and
 * cancelled it, with the reason and how to book again (a customer service message, like the
 * reminder of {@link AppointmentReminderPush}).
 */
@Component
class AppointmentCancellationPush {

    private static final Logger log = LoggerFactory.getLogger(AppointmentCancellationPush.class);

    private final WechatOutbox outbox;
    private final WechatFollowers followers;
    private final WechatAccounts accounts;

    AppointmentCancellationPush(WechatOutbox outbox, WechatFollowers followers, WechatAccounts accounts) {
        this.outbox = outbox;
        this.followers = followers;
        this.accounts = accounts;
    }

    @EventListener
    void on(AppointmentCancelledByHall cancelled) {
        if (!"wechat".equals(cancelled.channel())) {
            return;
        }
        String appId = followers.accountOf(cancelled.userId()).orElseGet(accounts::soleAccount);
        if (appId == null) {
            log.warn("appointment {}: no WeChat account known for the citizen; cancellation not pushed", cancelled.appointment().code());
            return;
        }
        outbox.enqueue(appId, cancelled.userId(), cancelled.text(), "appointment-cancelled:" + cancelled.appointment().code());
    }
}
