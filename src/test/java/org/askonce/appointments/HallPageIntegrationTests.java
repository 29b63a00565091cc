package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.askonce.accounts.HallAssignments;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.askonce.wechat.WechatOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hall page (/hall) over real HTTP, logged in with a form as staff: who may open it, the day's
 * bookings with phones, marking arrived (with the CSRF token), closing a slot (the REST API and the
 * chat then refuse it, the WeChat citizen gets an outbox message, the web citizen a notice), the
 * CSV export; the admin's hall assignment (page and API) and the analytics figures.
 * The same context as the other appointment tests over HTTP (real clock, every day a working day).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    AppointmentFixture.KB, AppointmentFixture.TRAINING, AppointmentFixture.EVERY_DAY, AppointmentFixture.DB, AppointmentFixture.PUBLIC_BASE_URL,
    AppointmentFixture.WECHAT_APP_ID, AppointmentFixture.WECHAT_SECRET, AppointmentFixture.WECHAT_TOKEN, AppointmentFixture.WECHAT_AES_KEY,
    AppointmentFixture.NO_OUTBOX})
class HallPageIntegrationTests {

    static final String DOG = "养犬登记（犬证办理）";
    static final String DOG_HALL = "杭州市民中心行政服务中心公安窗口";
    static final String CARD_HALL = "杭州市民卡服务中心";
    static final String PASSWORD = "Window-desk-key-41";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    HallAssignments halls;
    @Autowired
    Appointments appointments;
    @Autowired
    HallDesk desk;
    @Autowired
    WechatOutbox outbox;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void staff() {
        account("hp-admin", Role.ADMIN);
        account("hp-wang", Role.HALL_STAFF);
        halls.assign("hp-wang", List.of(DOG_HALL));
        account("hp-agent", Role.AGENT);
        account("hp-editor", Role.EDITOR);
    }

    private void account(String username, Role role) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, "测试" + role.label(), role, PASSWORD);
        }
    }

    private static String bookToday(JdbcClient jdbc, String citizen, String start, String end, String phone) {
        return HallFixture.bookToday(jdbc, citizen, start, end, phone);
    }

    /** A slot of the dog hall nobody has booked yet, as far ahead as bookings go. */
    private Slot freeSlot() {
        List<Slot> slots = appointments.slots(DOG, DOG_HALL);
        for (int i = slots.size() - 1; i >= 0; i--) {
            if (slots.get(i).remaining() == 3) {
                return slots.get(i);
            }
        }
        throw new AssertionError("no free slot: " + slots);
    }

    private StaffClient wang() throws Exception {
        return StaffClient.loggedIn(port, "hp-wang", PASSWORD);
    }

    // --- who may open what ---

    @Test
    void hallStaffLandOnTheHallPageAndSeeTodaysBookingsWithThePhone() throws Exception {
        String code = bookToday(jdbc, "web:hp-li", "09:00", "09:30", "13911112222");
        StaffClient wang = wang();
        HttpResponse<String> page = wang.get("/hall");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("窗口预约", DOG_HALL, code, "13911112222", "已预约", "今天", "窗口人员");
        assertThat(page.body()).doesNotContain(CARD_HALL);
    }

    @Test
    void hallStaffCannotOpenTheEditorTheConsoleOrTheAdminPages() throws Exception {
        StaffClient wang = wang();
        for (String path : List.of("/editor", "/console", "/admin/users", "/editor/analytics")) {
            HttpResponse<String> r = wang.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).contains("没有权限");
        }
    }

    @Test
    void hallStaffCannotOpenAHallNotAssignedToThem() throws Exception {
        HttpResponse<String> r = wang().get("/hall?hall=" + StaffClient.q(CARD_HALL));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("没有权限");
    }

    @Test
    void agentsAndEditorsCannotOpenTheHallPage() throws Exception {
        for (String who : List.of("hp-agent", "hp-editor")) {
            HttpResponse<String> r = StaffClient.loggedIn(port, who, PASSWORD).get("/hall");
            assertThat(r.statusCode()).as(who).isEqualTo(403);
            assertThat(r.body()).contains("没有权限");
        }
    }

    @Test
    void anAdminMayOpenEveryHall() throws Exception {
        HttpResponse<String> r = StaffClient.loggedIn(port, "hp-admin", PASSWORD).get("/hall?hall=" + StaffClient.q(CARD_HALL));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<option value=\"" + DOG_HALL + "\"", "<option value=\"" + CARD_HALL + "\" selected");
    }

    // --- marking ---

    @Test
    void markingArrivedShowsTheOutcomeAndTheNewState() throws Exception {
        String code = bookToday(jdbc, "web:hp-zhou", "09:30", "10:00", "13911113333");
        StaffClient wang = wang();
        wang.get("/hall");
        HttpResponse<String> page = wang.post("/hall/arrived", Map.of("hall", DOG_HALL, "code", code));
        assertThat(page.body()).contains("已将预约 " + code + " 标记为“已到”");
        HallBooking b = desk.hallBookings(DOG_HALL).stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        assertThat(b.state()).isEqualTo(BookingState.ARRIVED);
        assertThat(b.markedBy()).isEqualTo("hp-wang");

        HttpResponse<String> undone = wang.post("/hall/undo", Map.of("hall", DOG_HALL, "code", code));
        assertThat(undone.body()).contains("已撤销预约 " + code + " 的标记，恢复为“已预约”");
    }

    @Test
    void aNoShowNotMarkedOnTheDayCanBeRecordedTheNextWorkingDay() throws Exception {
        LocalDate before = desk.previousWorkingDay();
        String code = HallFixture.bookOn(jdbc, before, "web:hp-late", "09:00", "09:30", "13911116666");
        StaffClient wang = wang();

        String page = wang.get("/hall").body();
        assertThat(page).contains("上一个工作日（可补记未到）", code);

        HttpResponse<String> marked = wang.post("/hall/no-show", Map.of("hall", DOG_HALL, "code", code));
        assertThat(marked.body()).contains("已将预约 " + code + " 标记为“未到”");
        assertThat(desk.hallBookings(DOG_HALL).stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow().state())
                .isEqualTo(BookingState.NO_SHOW);
    }

    @Test
    void aMarkWithoutTheCsrfTokenIsRefused() throws Exception {
        String code = bookToday(jdbc, "web:hp-sun", "10:00", "10:30", "13911114444");
        StaffClient wang = wang();
        assertThat(wang.postWithoutToken("/hall/arrived", Map.of("hall", DOG_HALL, "code", code)).statusCode()).isEqualTo(403);
        assertThat(desk.hallBookings(DOG_HALL).stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow().state())
                .isEqualTo(BookingState.BOOKED);
    }

    @Test
    void aNoShowBeforeTheSlotIsShownAsAnErrorInChinese() throws Exception {
        Slot slot = freeSlot();
        Appointment a = appointments.book("web:hp-early", new BookingRequest(DOG, DOG_HALL, slot.date(), slot.start(), "13911115555"));
        StaffClient wang = wang();
        wang.get("/hall");
        HttpResponse<String> page = wang.post("/hall/no-show", Map.of("hall", DOG_HALL, "code", a.code()));
        assertThat(page.body()).contains("还没开始，开始后才能标记“未到”");
        appointments.cancel("web:hp-early", a.code());
    }

    // --- closing a slot ---

    private final HttpClient citizen = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    private HttpResponse<String> citizen(HttpClient who, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return who.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String booking(Slot slot, String phone) {
        return JSON.createObjectNode().put("item", DOG).put("hall", DOG_HALL).put("date", slot.date().toString())
                .put("start", slot.start()).put("phone", phone).toString();
    }

    private JsonNode say(HttpClient who, String text) throws Exception {
        HttpResponse<String> r = citizen(who, "POST", "/api/chat", JSON.createObjectNode().put("text", text).toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String optionNumber(JsonNode reply, String startsWith) {
        JsonNode options = reply.get("options");
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).asText().contains(startsWith)) {
                return Integer.toString(i + 1);
            }
        }
        throw new AssertionError("no option with " + startsWith + " in " + options);
    }

    @Test
    void closingASlotCancelsItsBookingsTellsBothChannelsAndRefusesNewBookingsInTheApiAndTheChat() throws Exception {
        Slot slot = freeSlot();
        HttpResponse<String> booked = citizen(citizen, "POST", "/api/appointments", booking(slot, "13922221111"));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String webCode = JSON.readTree(booked.body()).get("code").asText();
        Appointment wechat = appointments.book("wechat:o-hp-close", new BookingRequest(DOG, DOG_HALL, slot.date(), slot.start(), "13922222222"));
        // a citizen in the chat has chosen the slot and is about to give the phone
        HttpClient chatting = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        JsonNode days = say(chatting, "我要预约养犬登记");
        JsonNode slots = say(chatting, optionNumber(days, slot.date().getMonthValue() + "月" + slot.date().getDayOfMonth() + "日"));
        say(chatting, optionNumber(slots, slot.start() + "-"));

        StaffClient wang = wang();
        wang.get("/hall");
        HttpResponse<String> page = wang.post("/hall/close", Map.of("hall", DOG_HALL, "date", slot.date().toString(), "start", slot.start(),
                "item", "", "reason", "窗口临时停办"));

        assertThat(page.body()).contains("已关闭 " + slot.date() + " " + slot.start() + "（全部事项），取消了 2 个预约", "已关闭", "窗口临时停办", "因故取消");
        HttpResponse<String> refused = citizen(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), "POST", "/api/appointments",
                booking(slot, "13922223333"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("大厅已暂停该时段的预约（窗口临时停办），请选择其他时段");
        assertThat(say(chatting, "13922224444").get("reply").asText()).startsWith("大厅已暂停该时段的预约（窗口临时停办），请选择其他时段。");
        assertThat(outbox.messagesTo(AppointmentFixture.APP_ID, "o-hp-close")).extracting(WechatOutbox.Message::content)
                .anySatisfy(text -> assertThat(text).contains("预约号 " + wechat.code(), "因窗口临时停办已被大厅取消", "我要预约" + DOG));
        JsonNode notices = JSON.readTree(citizen(citizen, "GET", "/api/appointments/reminders", null).body());
        assertThat(notices.toString()).contains("预约号 " + webCode + "）因窗口临时停办已被大厅取消");

        HttpResponse<String> reopened = wang.post("/hall/reopen", Map.of("hall", DOG_HALL, "date", slot.date().toString(), "start", slot.start(),
                "item", DOG));
        assertThat(reopened.body()).contains("已重新开放 " + slot.date() + " " + slot.start() + " 的预约");
    }

    @Test
    void closingWithoutAReasonIsRefusedInChinese() throws Exception {
        Slot slot = freeSlot();
        StaffClient wang = wang();
        wang.get("/hall");
        HttpResponse<String> page = wang.post("/hall/close", Map.of("hall", DOG_HALL, "date", slot.date().toString(), "start", slot.start(),
                "item", DOG, "reason", ""));
        assertThat(page.body()).contains("请填写关闭时段的原因（reason），市民会看到它");
        assertThat(desk.closedSlots(DOG_HALL)).noneMatch(c -> c.date().equals(slot.date()) && c.start().equals(slot.start()));
    }

    // --- export ---

    @Test
    void theExportIsACsvForExcelWithTheBookingsOfTheRange() throws Exception {
        String code = bookToday(jdbc, "web:hp-csv", "10:30", "11:00", "13911116666");
        LocalDate today = LocalDate.now(SHANGHAI);
        HttpResponse<byte[]> r = wang().download("/hall/export.csv?hall=" + StaffClient.q(DOG_HALL) + "&from=" + today + "&to=" + today.plusDays(3));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        String csv = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF" + DOG_HALL + " 预约名单,").contains("日期,开始,结束,预约号,事项,手机号,状态")
                .contains(today + ",10:30,11:00," + code + "," + DOG + ",13911116666,");
    }

    @Test
    void anExportOfMoreThanThirtyOneDaysIsRefusedInChinese() throws Exception {
        HttpResponse<byte[]> r = wang().download("/hall/export.csv?hall=" + StaffClient.q(DOG_HALL) + "&from=2026-01-01&to=2026-03-01");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("导出失败：一次最多导出 31 天，2026-01-01 至 2026-03-01 共 60 天");
    }

    @Test
    void anExportWithABadDateNamesTheField() throws Exception {
        HttpResponse<byte[]> r = wang().download("/hall/export.csv?hall=" + StaffClient.q(DOG_HALL) + "&from=12/01&to=2026-03-01");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("导出失败：开始日期（from）格式应为 2026-12-07，收到的是 12/01");
    }

    // --- the admin assigns halls ---

    @Test
    void theAdminCreatesHallStaffWithTheirHallsOnTheUsersPage() throws Exception {
        StaffClient admin = StaffClient.loggedIn(port, "hp-admin", PASSWORD);
        HttpResponse<String> list = admin.get("/admin/users");
        assertThat(list.body()).contains("窗口人员", DOG_HALL, CARD_HALL);
        String name = "hp-new-" + NAMES.incrementAndGet();
        HttpResponse<String> created = admin.post("/admin/users", Map.of("username", name, "displayName", "新窗口", "role", "HALL_STAFF",
                "halls", CARD_HALL, "password", PASSWORD, "passwordAgain", PASSWORD));
        assertThat(created.body()).contains("已创建窗口人员“" + name + "”");
        assertThat(halls.hallsOf(name)).containsExactly(CARD_HALL);

        HttpResponse<String> changed = admin.post("/admin/users/" + name + "/halls", Map.of("halls", DOG_HALL));
        assertThat(changed.body()).contains("已为“" + name + "”设置大厅");
        assertThat(halls.hallsOf(name)).containsExactly(DOG_HALL);
    }

    @Test
    void hallStaffWithoutAHallAreRefusedOnThePageNamingTheField() throws Exception {
        StaffClient admin = StaffClient.loggedIn(port, "hp-admin", PASSWORD);
        admin.get("/admin/users");
        String name = "hp-nohall-" + NAMES.incrementAndGet();
        HttpResponse<String> page = admin.post("/admin/users", Map.of("username", name, "displayName", "无大厅", "role", "HALL_STAFF",
                "password", PASSWORD, "passwordAgain", PASSWORD));
        assertThat(page.body()).contains("窗口人员至少要分配一个大厅（halls）");
        assertThat(accounts.find(name)).isEmpty();
    }

    @Test
    void theUserApiValidatesTheHalls() throws Exception {
        HttpResponse<String> unknown = StaffClient.api(port, "hp-admin", PASSWORD, "POST", "/api/admin/users",
                "{\"username\":\"hp-api-1\",\"displayName\":\"接口\",\"role\":\"HALL_STAFF\",\"halls\":[\"不存在的大厅\"],\"password\":\"" + PASSWORD + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("error").asText())
                .isEqualTo("大厅“不存在的大厅”不在可预约的大厅中（halls），可选：" + DOG_HALL + "、" + CARD_HALL);

        HttpResponse<String> agent = StaffClient.api(port, "hp-admin", PASSWORD, "PUT", "/api/admin/users/hp-agent/halls",
                "{\"halls\":[\"" + DOG_HALL + "\"]}");
        assertThat(agent.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(agent.body()).get("error").asText()).isEqualTo("只有窗口人员可以分配大厅（halls），角色是坐席");

        HttpResponse<String> set = StaffClient.api(port, "hp-admin", PASSWORD, "PUT", "/api/admin/users/hp-wang/halls",
                "{\"halls\":[\"" + DOG_HALL + "\"]}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).get("halls").toString()).isEqualTo("[\"" + DOG_HALL + "\"]");
        HttpResponse<String> hallStaffCalling = StaffClient.api(port, "hp-wang", PASSWORD, "GET", "/api/admin/users/hp-wang/halls", null);
        assertThat(hallStaffCalling.statusCode()).isEqualTo(403);
    }

    // --- analytics ---

    @Test
    void theAnalyticsApiAndDashboardShowTheBookings() throws Exception {
        bookToday(jdbc, "web:hp-stats", "11:00", "11:30", "13911117777");
        HttpResponse<String> api = StaffClient.api(port, "hp-admin", PASSWORD, "GET", "/api/editor/analytics", null);
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode bookings = JSON.readTree(api.body()).get("bookings");
        assertThat(bookings.get("made").asInt()).isPositive();
        assertThat(bookings.get("topItems").toString()).contains(DOG);
        HttpResponse<String> dashboard = StaffClient.loggedIn(port, "hp-admin", PASSWORD).get("/editor/analytics");
        assertThat(dashboard.body()).contains("预约办事", "爽约率", "预约最多的事项", DOG);
        HttpResponse<byte[]> csv = StaffClient.loggedIn(port, "hp-admin", PASSWORD).download("/editor/analytics.csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("\r\n预约办事\r\n指标,数值\r\n预约数,", "爽约率,", "预约最多的事项");
    }
}
