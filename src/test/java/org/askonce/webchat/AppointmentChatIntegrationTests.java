package org.askonce.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.askonce.appointments.AppointmentFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Booking in the web chat: 我要预约 → day → slot → phone → confirmed with code, hall, time and guide link; 我的预约; 取消预约. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    AppointmentFixture.KB, AppointmentFixture.TRAINING, AppointmentFixture.EVERY_DAY, AppointmentFixture.DB, AppointmentFixture.PUBLIC_BASE_URL,
    AppointmentFixture.WECHAT_APP_ID, AppointmentFixture.WECHAT_SECRET, AppointmentFixture.WECHAT_TOKEN, AppointmentFixture.WECHAT_AES_KEY,
    AppointmentFixture.NO_OUTBOX})
class AppointmentChatIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    private JsonNode say(String text) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("text", text).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode mine() throws Exception {
        return JSON.readTree(browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/appointments/mine")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void aCitizenBooksTheItemTheyAskedAboutStepByStep() throws Exception {
        JsonNode answer = say("我要预约养犬登记");
        assertThat(answer.get("action").asText()).isEqualTo("CLARIFY");
        assertThat(answer.get("reply").asText()).startsWith("预约办理“养犬登记（犬证办理）”（杭州市民中心行政服务中心公安窗口），请选择日期（回复序号）：\n1. ")
                .endsWith("个时段可约）");
        assertThat(answer.get("options").size()).isEqualTo(5);

        JsonNode slots = say("1");
        assertThat(slots.get("action").asText()).isEqualTo("CLARIFY");
        assertThat(slots.get("reply").asText()).contains("杭州市民中心行政服务中心公安窗口 可预约的时段（回复序号）：\n1. ").contains("（余 3 个名额）");
        String firstSlot = slots.get("options").get(0).asText().substring(0, 11); // 09:00-09:30

        JsonNode phone = say("1");
        assertThat(phone.get("reply").asText()).contains(firstSlot.substring(0, 5) + " 开始的时段").endsWith("请输入联系手机号（用于预约提醒和大厅联系，到访 30 天后隐去）：");

        JsonNode bad = say("1391234567");
        assertThat(bad.get("reply").asText()).isEqualTo("请填写正确的 11 位手机号码（用于预约提醒和大厅联系）：");

        JsonNode booked = say("13912345678");
        assertThat(booked.get("action").asText()).isEqualTo("ANSWER");
        assertThat(booked.get("itemName").asText()).isEqualTo("养犬登记（犬证办理）");
        assertThat(booked.get("reply").asText()).startsWith("预约成功！预约号：")
                .contains("大厅：杭州市民中心行政服务中心公安窗口（杭州市上城区解放东路18号市民中心D楼二楼）", "时间：", firstSlot)
                .doesNotContain("13912345678");
        assertThat(booked.get("guideUrl").asText()).isEqualTo(AppointmentFixture.BASE_URL + "/guide/dog-registration");
        String code = mine().get(0).get("code").asText();
        assertThat(booked.get("reply").asText()).contains("预约号：" + code);

        JsonNode listed = say("我的预约");
        assertThat(listed.get("reply").asText()).startsWith("您的预约：\n1. " + code + " 养犬登记（犬证办理），");

        JsonNode ask = say("取消预约");
        assertThat(ask.get("reply").asText()).startsWith("要取消这个预约吗？\n" + code).endsWith("确认取消请回复“是”。");
        JsonNode cancelled = say("是");
        assertThat(cancelled.get("reply").asText()).startsWith("已取消预约 " + code + "：养犬登记（犬证办理），");
        assertThat(mine()).isEmpty();
    }

    @Test
    void iWantToBookIsAboutTheItemTheConversationIsAbout() throws Exception {
        JsonNode answer = say("社保卡怎么办");
        assertThat(answer.get("itemName").asText()).isEqualTo("社会保障卡（市民卡）申领");
        assertThat(say("我要预约").get("reply").asText()).startsWith("预约办理“社会保障卡（市民卡）申领”（杭州市民卡服务中心），请选择日期（回复序号）：");
    }

    @Test
    void iWantToBookWithoutAnItemAsksWhich() throws Exception {
        assertThat(say("我要预约").get("reply").asText()).isEqualTo("请问要预约办理哪个事项？请说“我要预约”加事项名称，如“我要预约出生登记”。");
    }

    @Test
    void aQuestionAboutBookingIsAnsweredNotTakenForABooking() throws Exception {
        assertThat(say("养犬登记需要预约吗").get("reply").asText()).doesNotStartWith("预约办理");
    }

    @Test
    void wordsAfterBookingThatNameNoItemAreAnsweredAsAQuestion() throws Exception {
        JsonNode answer = say("预约狗证要带什么材料");
        assertThat(answer.get("reply").asText()).doesNotStartWith("预约办理").doesNotStartWith("没有找到");
        JsonNode other = say("预约以后能改时间");
        assertThat(other.get("reply").asText()).doesNotStartWith("没有找到");
    }

    @Test
    void anotherQuestionInTheMiddleLeavesTheBookingAndIsAnswered() throws Exception {
        say("我要预约养犬登记");
        JsonNode answer = say("社保卡怎么办");
        assertThat(answer.get("itemName").asText()).isEqualTo("社会保障卡（市民卡）申领");
        assertThat(say("1").get("reply").asText()).doesNotContain("可预约的时段");
    }

    @Test
    void withoutBookingsMyBookingsSaysSo() throws Exception {
        assertThat(say("我的预约").get("reply").asText()).isEqualTo("您目前没有未办理的预约。要预约，请说“我要预约”加事项名称。");
    }
}
