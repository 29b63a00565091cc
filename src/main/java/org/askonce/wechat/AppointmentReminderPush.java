package org.askonce.wechat;

import org.askonce.appointments.AppointmentReminderDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pushes the reminder the day before a booking to a WeChat citizen through the outbox (a customer
 * service message: WeChat delivers it while the citizen has written within 48 hours; the outbox
 * records OUTSIDE_WINDOW otherwise).
 */
@Component
class AppointmentReminderPush {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminderPush.class);

    private final WechatOutbox outbox;
    private final WechatFollowers followers;
    private final WechatAccounts accounts;

    AppointmentReminderPush(WechatOutbox outbox, WechatFollowers followers, WechatAccounts accounts) {
        this.outbox = outbox;
        this.followers = followers;
        this.accounts = accounts;
    }

    @EventListener
    void on(AppointmentReminderDue due) {
        if (!"wechat".equals(due.channel())) {
            return;
        }
        String appId = followers.accountOf(due.userId()).orElseGet(accounts::soleAccount);
        if (appId == null) {
            log.warn("appointment {}: no WeChat account known for the citizen; reminder not pushed", due.appointment().code());
            return;
        }
        outbox.enqueue(appId, due.userId(), due.text(), "appointment:" + due.appointment().code());
    }
}
