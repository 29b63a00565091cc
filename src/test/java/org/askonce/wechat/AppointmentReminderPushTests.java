package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.askonce.appointments.Appointment;
import org.junit.jupiter.api.Test;

/** The template message a booking reminder becomes: the account's fields filled with the booking, within WeChat's limits. */
class AppointmentReminderPushTests {

    private static final Appointment BOOKING = new Appointment("K7M2PQ", "养犬登记（犬证办理）", "西湖区行政服务中心",
            LocalDate.of(2026, 12, 8), "09:00", "09:30");

    private static WechatSettings.ReminderTemplate template(Map<String, String> data) {
        return new WechatSettings.ReminderTemplate("TPL-1", new LinkedHashMap<>(data));
    }

    @Test
    void theDefaultFieldsCarryTheItemTheTimeTheHallAndTheCode() {
        WechatTemplate message = AppointmentReminderPush.message(new WechatSettings.ReminderTemplate("TPL-1", null), BOOKING,
                "https://askonce.example/guide/dog-registration");

        assertThat(message.templateId()).isEqualTo("TPL-1");
        assertThat(message.url()).isEqualTo("https://askonce.example/guide/dog-registration");
        assertThat(message.data()).containsExactly(Map.entry("thing1", "养犬登记（犬证办理）"), Map.entry("time2", "2026年12月8日 09:00"),
                Map.entry("thing3", "西湖区行政服务中心"), Map.entry("character_string4", "K7M2PQ"));
    }

    @Test
    void aFieldMayCombinePlaceholdersWithWords() {
        WechatTemplate message = AppointmentReminderPush.message(template(Map.of("time5", "{date} {start}-{end}", "thing6", "请带齐材料，预约号{code}")),
                BOOKING, null);

        assertThat(message.data()).containsEntry("time5", "2026年12月8日 09:00-09:30").containsEntry("thing6", "请带齐材料，预约号K7M2PQ");
        assertThat(message.url()).isNull();
    }

    @Test
    void aThingFieldIsCutToTwentyCharactersWithAnEllipsis() {
        Appointment longName = new Appointment("K7M2PQ", "城乡居民基本养老保险待遇申领（含丧葬补助金领取）", "西湖区行政服务中心",
                LocalDate.of(2026, 12, 8), "09:00", "09:30");

        String item = AppointmentReminderPush.message(template(Map.of("thing1", "{item}")), longName, null).data().get("thing1");

        assertThat(item).hasSize(20).isEqualTo("城乡居民基本养老保险待遇申领（含丧葬补…");
    }
}
