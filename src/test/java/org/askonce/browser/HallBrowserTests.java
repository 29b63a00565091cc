package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.askonce.accounts.HallAssignments;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.askonce.appointments.Appointment;
import org.askonce.appointments.AppointmentFixture;
import org.askonce.appointments.Appointments;
import org.askonce.appointments.HallFixture;
import org.askonce.appointments.BookingRequest;
import org.askonce.appointments.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hall page (窗口预约) in headless Chromium, as a hall-staff member: the bookings of the coming
 * days, marking one arrived, closing a slot; screenshots and the accessibility check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    AppointmentFixture.KB, AppointmentFixture.TRAINING, AppointmentFixture.EVERY_DAY, AppointmentFixture.DB, AppointmentFixture.PUBLIC_BASE_URL,
    AppointmentFixture.WECHAT_APP_ID, AppointmentFixture.WECHAT_SECRET, AppointmentFixture.WECHAT_TOKEN, AppointmentFixture.WECHAT_AES_KEY,
    AppointmentFixture.NO_OUTBOX})
class HallBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DOG = HallFixture.DOG;
    private static final String HALL = HallFixture.DOG_HALL;
    private static final String PASSWORD = "Window-browser-key-41";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    HallAssignments halls;
    @Autowired
    Appointments appointments;

    private WebDriver staff;

    @AfterEach
    void quit() {
        BrowserSupport.release(staff);
    }

    @Autowired
    JdbcClient jdbc;

    /** A slot of the dog hall nobody has booked yet, as far ahead as bookings go. */
    private Slot freeSlot() {
        List<Slot> free = appointments.slots(DOG, HALL).stream().filter(s -> s.remaining() == 3).toList();
        assertThat(free).isNotEmpty();
        return free.get(free.size() - 1);
    }

    @Test
    void hallStaffSeeTheBookingsMarkOneArrivedAndCloseASlot() throws Exception {
        if (accounts.find("hb-wang").isEmpty()) {
            accounts.create("hb-wang", "王窗口", Role.HALL_STAFF, PASSWORD);
        }
        halls.assign("hb-wang", List.of(HALL));
        String kept = HallFixture.bookToday(jdbc, "web:hb-li", "11:30", "12:00", "13933331111");
        Slot slot = freeSlot();
        Appointment closed = appointments.book("web:hb-zhao", new BookingRequest(DOG, HALL, slot.date(), slot.start(), "13933332222"));

        staff = BrowserSupport.chromium();
        BrowserSupport.logIn(staff, "http://127.0.0.1:" + port, "hb-wang", PASSWORD);
        assertThat(staff.getCurrentUrl()).endsWith("/hall");
        WebElement row = staff.findElement(By.id("booking-" + kept));
        assertThat(row.getText()).contains(kept, "11:30-12:00", DOG, "13933331111", "已预约");
        assertThat(staff.findElement(By.cssSelector(".topbar nav")).getText()).contains("窗口预约").doesNotContain("知识库", "坐席工作台", "用户管理");
        assertThat(BrowserSupport.accessibilityProblems(staff)).isEmpty();

        row.findElement(By.xpath(".//button[text()='已到']")).click();
        BrowserSupport.waitOn(staff, WAIT).until(d -> d.findElements(By.id("message")).size() == 1);
        assertThat(staff.findElement(By.id("message")).getText()).isEqualTo("已将预约 " + kept + " 标记为“已到”");
        assertThat(staff.findElement(By.id("booking-" + kept)).getText()).contains("已到", "撤销");
        BrowserSupport.screenshot(staff, "hall-arrived-desktop");

        new Select(staff.findElement(By.id("close-date"))).selectByValue(slot.date().toString());
        new Select(staff.findElement(By.id("close-start"))).selectByValue(slot.start());
        new Select(staff.findElement(By.id("close-item"))).selectByValue(DOG);
        BrowserSupport.type(staff, staff.findElement(By.id("close-reason")), "窗口临时停办");
        staff.findElement(By.cssSelector("#close-form button[type=submit]")).click();
        BrowserSupport.waitOn(staff, WAIT).until(d -> d.findElements(By.id("message")).stream().anyMatch(m -> m.getText().startsWith("已关闭")));
        assertThat(staff.findElement(By.id("message")).getText())
                .isEqualTo("已关闭 " + slot.date() + " " + slot.start() + "（" + DOG + "），取消了 1 个预约，已通知市民（微信推送，网页下次访问时提示）");
        assertThat(staff.findElement(By.id("booking-" + closed.code())).getText()).contains("因故取消", "窗口临时停办");
        assertThat(staff.findElement(By.cssSelector("ul.closed")).getText()).contains(slot.start(), "窗口临时停办", "重新开放");
        assertThat(BrowserSupport.accessibilityProblems(staff)).isEmpty();
        assertThat(BrowserSupport.policyViolations(staff)).isEmpty();
        BrowserSupport.screenshot(staff, "hall-page-desktop");
    }

    @Test
    void theAdminAssignsHallsToHallStaffOnTheUsersPage() throws Exception {
        if (accounts.find("hb-admin").isEmpty()) {
            accounts.create("hb-admin", "管理员", Role.ADMIN, PASSWORD);
        }
        if (accounts.find("hb-chen").isEmpty()) {
            accounts.create("hb-chen", "陈窗口", Role.HALL_STAFF, PASSWORD);
            halls.assign("hb-chen", List.of(HALL));
        }
        staff = BrowserSupport.chromium();
        BrowserSupport.logIn(staff, "http://127.0.0.1:" + port, "hb-admin", PASSWORD);
        staff.get("http://127.0.0.1:" + port + "/admin/users");
        WebElement row = staff.findElements(By.cssSelector("tbody tr")).stream().filter(r -> r.getText().startsWith("hb-chen")).findFirst()
                .orElseThrow();
        assertThat(row.getText()).contains("窗口人员", HALL);
        row.findElement(By.xpath(".//summary[text()='分配大厅']")).click();
        for (WebElement box : row.findElements(By.cssSelector("input[name=halls]"))) {
            if (!box.isSelected()) {
                box.click(); // both halls
            }
        }
        BrowserSupport.screenshot(staff, "admin-users-halls-desktop");
        row.findElement(By.xpath(".//button[text()='保存大厅']")).click();
        BrowserSupport.waitOn(staff, WAIT).until(d -> d.findElements(By.cssSelector(".alert.ok")).size() == 1);
        assertThat(staff.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("已为“hb-chen”设置大厅");
        assertThat(halls.hallsOf("hb-chen")).containsExactly(HALL, "杭州市民卡服务中心");
        assertThat(BrowserSupport.accessibilityProblems(staff)).isEmpty();
        assertThat(BrowserSupport.policyViolations(staff)).isEmpty();
    }
}
