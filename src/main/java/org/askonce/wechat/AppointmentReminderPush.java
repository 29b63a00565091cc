package org.askonce.wechat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.appointments.Appointment;
import org.askonce.appointments.AppointmentReminderDue;
import org.askonce.guide.GuideLinks;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pushes the reminder the day before a booking to a WeChat citizen through the outbox. With the
 * account's {@code reminder-template} configured it goes as a template message (模板消息), which WeChat
 * delivers whenever the citizen follows the account, its link opening the item's guide (the material
 * checklist); without, as a customer-service message, which WeChat delivers only while the citizen has
 * written within 48 hours (the outbox records OUTSIDE_WINDOW otherwise).
 */
@Component
class AppointmentReminderPush {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminderPush.class);
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{(" + String.join("|", WechatSettings.ReminderTemplate.PLACEHOLDERS) + ")}");
    /** WeChat's limits on a field's value, by the kind its name starts with. */
    private static final int THING_MAX = 20;
    private static final int CHARACTER_STRING_MAX = 32;

    private final WechatOutbox outbox;
    private final WechatFollowers followers;
    private final WechatAccounts accounts;
    private final Map<String, WechatSettings.ReminderTemplate> templates = new LinkedHashMap<>();
    private final KnowledgeBase knowledgeBase;
    private final GuideLinks guides;

    AppointmentReminderPush(WechatOutbox outbox, WechatFollowers followers, WechatAccounts accounts, WechatSettings settings,
                            KnowledgeBase knowledgeBase, GuideLinks guides) {
        this.outbox = outbox;
        this.followers = followers;
        this.accounts = accounts;
        this.knowledgeBase = knowledgeBase;
        this.guides = guides;
        for (WechatSettings.Account a : settings.accounts()) {
            if (a.reminderTemplate() != null) {
                templates.put(a.appId(), a.reminderTemplate());
                log.info("WeChat account {}: booking reminders as template messages (template {}, fields {})", a.appId(),
                        a.reminderTemplate().id(), a.reminderTemplate().data().keySet());
            } else {
                log.info("WeChat account {}: booking reminders as customer-service messages, which WeChat delivers only within 48 hours "
                        + "of the citizen's last message (set askonce.wechat.accounts[n].reminder-template.id for template messages)", a.appId());
            }
        }
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
        String reference = "appointment:" + due.appointment().code();
        WechatSettings.ReminderTemplate template = templates.get(appId);
        if (template == null) {
            outbox.enqueue(appId, due.userId(), due.text(), reference);
        } else {
            outbox.enqueueTemplate(appId, due.userId(), message(template, due.appointment(), guide(due.appointment()).orElse(null)),
                    due.text(), reference);
        }
    }

    private Optional<String> guide(Appointment a) {
        return knowledgeBase.snapshot().itemByName(a.item()).map(ServiceItem::id).map(guides::of);
    }

    /** The template message for a booking: each field's words with the booking's values, cut to WeChat's limit for its kind. */
    static WechatTemplate message(WechatSettings.ReminderTemplate template, Appointment a, String url) {
        Map<String, String> values = Map.of("item", a.item(), "hall", a.hall(),
                "date", a.date().getYear() + "年" + a.date().getMonthValue() + "月" + a.date().getDayOfMonth() + "日",
                "start", a.start(), "end", a.end(), "code", a.code());
        Map<String, String> data = new LinkedHashMap<>();
        template.data().forEach((field, words) -> {
            Matcher m = PLACEHOLDER.matcher(words);
            String value = m.replaceAll(r -> Matcher.quoteReplacement(values.get(r.group(1))));
            data.put(field, cut(field, value));
        });
        return new WechatTemplate(template.id(), url, data);
    }

    private static String cut(String field, String value) {
        if (field.startsWith("thing") && value.codePointCount(0, value.length()) > THING_MAX) {
            return value.substring(0, value.offsetByCodePoints(0, THING_MAX - 1)) + "…";
        }
        if (field.startsWith("character_string") && value.codePointCount(0, value.length()) > CHARACTER_STRING_MAX) {
            return value.substring(0, value.offsetByCodePoints(0, CHARACTER_STRING_MAX));
        }
        return value;
    }
}
