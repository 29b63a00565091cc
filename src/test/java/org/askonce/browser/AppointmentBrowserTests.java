package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.askonce.appointments.AppointmentFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Booking in the web chat in headless Chromium: the menus are buttons, the confirmation links to the guide, the reminder shows on the next visit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    AppointmentFixture.KB, AppointmentFixture.TRAINING, AppointmentFixture.EVERY_DAY, AppointmentFixture.DB, AppointmentFixture.PUBLIC_BASE_URL,
    AppointmentFixture.WECHAT_APP_ID, AppointmentFixture.WECHAT_SECRET, AppointmentFixture.WECHAT_TOKEN, AppointmentFixture.WECHAT_AES_KEY,
    AppointmentFixture.NO_OUTBOX})
class AppointmentBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1280, 900);

    @LocalServerPort
    int port;

    private WebDriver citizen;

    @AfterEach
    void quit() {
        BrowserSupport.release(citizen);
    }

    private static void say(WebDriver browser, String text) {
        WebElement input = browser.findElement(By.id("text"));
        input.clear();
        BrowserSupport.type(browser, input, text);
        browser.findElement(By.id("send")).click();
    }

    private static List<WebElement> botBubbles(WebDriver browser) {
        return browser.findElements(By.cssSelector("#log .msg.bot:not(.typing)"));
    }

    private static WebElement botReply(WebDriver browser, int n) {
        BrowserSupport.waitOn(browser, WAIT).until(d -> botBubbles(d).size() >= n);
        return botBubbles(browser).get(n - 1);
    }

    @Test
    void aCitizenBooksByTappingTheMenusAndSeesTheReminderOnTheNextVisit() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.manage().window().setSize(PHONE);
        citizen.get("http://127.0.0.1:" + port + "/");
        say(citizen, "我要预约养犬登记");
        WebElement days = botReply(citizen, 2);
        List<WebElement> dayButtons = days.findElements(By.cssSelector(".options.menu button"));
        assertThat(dayButtons).hasSize(5);
        assertThat(dayButtons.get(0).getText()).matches("1\\. \\d{1,2}月\\d{1,2}日（周.）");
        dayButtons.get(0).click();
        WebElement slots = botReply(citizen, 3);
        List<WebElement> slotButtons = slots.findElements(By.cssSelector(".options.menu button"));
        assertThat(slotButtons.get(0).getText()).matches("1\\. \\d{2}:\\d{2}-\\d{2}:\\d{2}（余 \\d 个名额）");
        BrowserSupport.screenshot(citizen, "appointment-slots-phone");
        slotButtons.get(0).click();
        assertThat(botReply(citizen, 4).getText()).contains("请输入联系手机号");
        say(citizen, "13912345678");
        WebElement confirmed = botReply(citizen, 5);
        assertThat(confirmed.getText()).startsWith("预约成功！预约号：").contains("大厅：杭州市民中心行政服务中心公安窗口");
        assertThat(confirmed.findElement(By.cssSelector(".guide a")).getAttribute("href")).endsWith("/guide/dog-registration");
        BrowserSupport.screenshot(citizen, "appointment-confirmed-phone");

        citizen.manage().window().setSize(DESKTOP);
        citizen.navigate().refresh();
        WebElement reminder = BrowserSupport.waitOn(citizen, WAIT).until(d -> d.findElements(By.cssSelector("#log .msg.reminder")).stream()
                .findFirst().orElse(null));
        assertThat(reminder.getText()).startsWith("预约提醒：您").contains("办理“养犬登记（犬证办理）”");
        BrowserSupport.screenshot(citizen, "appointment-reminder-desktop");
        assertThat(BrowserSupport.policyViolations(citizen)).isEmpty();
    }
}
