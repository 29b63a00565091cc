package org.askonce.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.askonce.appointments.AppointmentFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 预约办事 over real HTTP: public slots; booking, listing and cancelling as the citizen of the identity cookie. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    AppointmentFixture.KB, AppointmentFixture.TRAINING, AppointmentFixture.EVERY_DAY, AppointmentFixture.DB, AppointmentFixture.PUBLIC_BASE_URL,
    AppointmentFixture.WECHAT_APP_ID, AppointmentFixture.WECHAT_SECRET, AppointmentFixture.WECHAT_TOKEN, AppointmentFixture.WECHAT_AES_KEY,
    AppointmentFixture.NO_OUTBOX})
class AppointmentApiIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOG = "养犬登记（犬证办理）";
    private static final String CARD = "社会保障卡（市民卡）申领";
    private static final String CARD_HALL = "杭州市民卡服务中心";

    @LocalServerPort
    int port;

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The first slot with room of the item (in the given hall). */
    private JsonNode firstSlot(String item, String hall) throws Exception {
        JsonNode slots = JSON.readTree(send(browser(), "GET", "/api/appointments/slots?item=" + q(item) + "&hall=" + q(hall), null).body());
        for (JsonNode s : slots) {
            if (s.get("remaining").asInt() > 0) {
                return s;
            }
        }
        throw new AssertionError("no slot with room: " + slots);
    }

    private static String booking(String item, JsonNode slot, String phone) {
        return JSON.createObjectNode().put("item", item).put("hall", slot.get("hall").asText()).put("date", slot.get("date").asText())
                .put("start", slot.get("start").asText()).put("phone", phone).toString();
    }

    @Test
    void slotsArePublicAndListEveryHallOfTheItemWithTheirRoom() throws Exception {
        HttpResponse<String> r = send(HttpClient.newHttpClient(), "GET", "/api/appointments/slots?item=" + q(DOG), null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode slots = JSON.readTree(r.body());
        assertThat(slots.size()).isGreaterThan(10);
        JsonNode first = slots.get(0);
        assertThat(first.get("hall").asText()).isEqualTo("杭州市民中心行政服务中心公安窗口");
        assertThat(first.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(first.get("start").asText()).matches("\\d{2}:\\d{2}");
        assertThat(first.get("end").asText()).matches("\\d{2}:\\d{2}");
        assertThat(first.get("remaining").asInt()).isBetween(0, 3);
    }

    @Test
    void slotsOfAnItemThatCannotBeBookedAreABadRequestInChinese() throws Exception {
        HttpResponse<String> r = send(HttpClient.newHttpClient(), "GET", "/api/appointments/slots?item=" + q("结婚登记"), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("事项“结婚登记”不能在线预约（没有大厅开放它的预约）");
    }

    @Test
    void aCitizenBooksSeesAndCancelsTheirBooking() throws Exception {
        HttpClient citizen = browser();
        JsonNode slot = firstSlot(DOG, "杭州市民中心行政服务中心公安窗口");
        HttpResponse<String> booked = send(citizen, "POST", "/api/appointments", booking(DOG, slot, "13912345678"));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode a = JSON.readTree(booked.body());
        assertThat(a.get("code").asText()).matches("[A-Z2-9]{6}");
        assertThat(a.get("item").asText()).isEqualTo(DOG);
        assertThat(a.get("date").asText()).isEqualTo(slot.get("date").asText());
        assertThat(a.get("end").asText()).isEqualTo(slot.get("end").asText());
        assertThat(a.has("phone")).isFalse();

        JsonNode mine = JSON.readTree(send(citizen, "GET", "/api/appointments/mine", null).body());
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("code").asText()).isEqualTo(a.get("code").asText());

        HttpResponse<String> cancelled = send(citizen, "DELETE", "/api/appointments/" + a.get("code").asText(), null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send(citizen, "GET", "/api/appointments/mine", null).body())).isEmpty();
    }

    @Test
    void anotherCitizenCannotCancelABookingNorSeeIt() throws Exception {
        HttpClient li = browser();
        HttpClient wang = browser();
        JsonNode slot = firstSlot(CARD, CARD_HALL);
        String code = JSON.readTree(send(li, "POST", "/api/appointments", booking(CARD, slot, "13812345678")).body()).get("code").asText();
        HttpResponse<String> refused = send(wang, "DELETE", "/api/appointments/" + code, null);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("没有找到预约号为“" + code + "”的有效预约");
        assertThat(JSON.readTree(send(wang, "GET", "/api/appointments/mine", null).body())).isEmpty();
        assertThat(JSON.readTree(send(li, "GET", "/api/appointments/mine", null).body())).hasSize(1);
    }

    @Test
    void aSecondBookingOfTheSameItemAndDayIsAConflictInChinese() throws Exception {
        HttpClient citizen = browser();
        JsonNode slot = firstSlot(CARD, CARD_HALL);
        assertThat(send(citizen, "POST", "/api/appointments", booking(CARD, slot, "13712345678")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = send(citizen, "POST", "/api/appointments", booking(CARD, slot, "13712345678"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").asText()).contains("同一事项每天只能预约一次");
    }

    @Test
    void aFullSlotIsAConflictInChinese() throws Exception {
        JsonNode slot = firstSlot(CARD, CARD_HALL);
        for (int i = 0; i < slot.get("remaining").asInt(); i++) {
            assertThat(send(browser(), "POST", "/api/appointments", booking(CARD, slot, "1360000000" + i)).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> full = send(browser(), "POST", "/api/appointments", booking(CARD, slot, "13600000009"));
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(full.body()).get("error").asText()).isEqualTo("该时段已约满，请选择其他时段");
    }

    @Test
    void aBadPhoneNumberIsABadRequestInChinese() throws Exception {
        JsonNode slot = firstSlot(DOG, "杭州市民中心行政服务中心公安窗口");
        HttpResponse<String> r = send(browser(), "POST", "/api/appointments", booking(DOG, slot, "110"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("请填写正确的 11 位手机号码（用于预约提醒和大厅联系）");
    }

    @Test
    void aDateThatIsNoDateIsABadRequestInChinese() throws Exception {
        HttpResponse<String> r = send(browser(), "POST", "/api/appointments",
                "{\"item\":\"" + DOG + "\",\"hall\":\"杭州市民中心行政服务中心公安窗口\",\"date\":\"明天\",\"start\":\"09:00\",\"phone\":\"13912345678\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("date");
    }

    @Test
    void aBookingOfTomorrowIsRemindedOnceOnTheCitizensNextVisit() throws Exception {
        HttpClient citizen = browser();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        JsonNode slot = null;
        for (JsonNode s : JSON.readTree(send(citizen, "GET", "/api/appointments/slots?item=" + q(DOG), null).body())) {
            if (s.get("date").asText().equals(tomorrow) && s.get("remaining").asInt() > 0) {
                slot = s;
                break;
            }
        }
        assertThat(slot).as("a slot tomorrow").isNotNull();
        String code = JSON.readTree(send(citizen, "POST", "/api/appointments", booking(DOG, slot, "13512345678")).body()).get("code").asText();
        JsonNode reminders = JSON.readTree(send(citizen, "GET", "/api/appointments/reminders", null).body());
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).asText()).startsWith("预约提醒：您明天（").contains(slot.get("start").asText() + "-", "预约号 " + code);
        assertThat(JSON.readTree(send(citizen, "GET", "/api/appointments/reminders", null).body())).isEmpty();
    }
}
