package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.askonce.appointments.AppointmentFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Booking in WeChat: the same steps as on the web, in text, the confirmation ending with the item's guide link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    AppointmentFixture.KB, AppointmentFixture.TRAINING, AppointmentFixture.EVERY_DAY, AppointmentFixture.DB, AppointmentFixture.PUBLIC_BASE_URL,
    AppointmentFixture.WECHAT_APP_ID, AppointmentFixture.WECHAT_SECRET, AppointmentFixture.WECHAT_TOKEN, AppointmentFixture.WECHAT_AES_KEY,
    AppointmentFixture.NO_OUTBOX})
class WechatAppointmentIntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    WechatOutbox outbox;

    private String say(String openId, String text) throws Exception {
        WechatTestClient client = new WechatTestClient(port, AppointmentFixture.APP_ID, AppointmentFixture.TOKEN, AppointmentFixture.AES_KEY);
        HttpResponse<String> r = client.post(WechatTestClient.text(openId, WechatTestClient.nextMsgId(), text));
        assertThat(r.statusCode()).isEqualTo(200);
        return client.reply(r).getContent();
    }

    @Test
    void aFollowerBooksListsAndCancelsInText() throws Exception {
        String openId = "o-booking-1";
        assertThat(say(openId, "我要预约社保卡")).startsWith("预约办理“社会保障卡（市民卡）申领”（杭州市民卡服务中心），请选择日期（回复序号）：\n1. ")
                .endsWith("个时段可约）");
        assertThat(say(openId, "第一个")).contains("杭州市民卡服务中心 可预约的时段（回复序号）：\n1. ");
        assertThat(say(openId, "1")).endsWith("请输入联系手机号（用于预约提醒和大厅联系，到访 30 天后隐去）：");
        String booked = say(openId, "138 1234 5678");
        assertThat(booked).startsWith("预约成功！预约号：").contains("大厅：杭州市民卡服务中心")
                .endsWith("\n\n完整办事指南：" + AppointmentFixture.BASE_URL + "/guide/social-security-card");
        String code = booked.substring("预约成功！预约号：".length(), "预约成功！预约号：".length() + 6);

        assertThat(say(openId, "我的预约")).startsWith("您的预约：\n1. " + code + " 社会保障卡（市民卡）申领，");
        assertThat(say("o-booking-2", "取消预约" + code)).isEqualTo("没有找到预约号为“" + code + "”的有效预约。查看已有预约请说“我的预约”。");
        assertThat(say(openId, "取消预约 " + code)).startsWith("已取消预约 " + code + "：社会保障卡（市民卡）申领，");
        assertThat(say(openId, "我的预约")).startsWith("您目前没有未办理的预约。");
    }

    @Test
    void theReminderTheDayBeforeIsPushedThroughTheOutbox() throws Exception {
        say("o-booking-3", "你好");
        org.askonce.appointments.Appointment a = new org.askonce.appointments.Appointment("K7M2PQ", "社会保障卡（市民卡）申领", "杭州市民卡服务中心",
                java.time.LocalDate.of(2026, 12, 8), "09:00", "10:00");
        events.publishEvent(new org.askonce.appointments.AppointmentReminderDue("wechat", "o-booking-3", a, "预约提醒：您明天（12月8日）09:00-10:00……"));
        events.publishEvent(new org.askonce.appointments.AppointmentReminderDue("web", "o-booking-3", a, "不应推送到微信"));
        assertThat(outbox.messagesTo(AppointmentFixture.APP_ID, "o-booking-3")).extracting(WechatOutbox.Message::content)
                .containsExactly("预约提醒：您明天（12月8日）09:00-10:00……");
    }
}
