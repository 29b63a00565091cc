package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.askonce.SampleAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A life event (一件事) in the web chat: its steps as buttons; tapping one shows that step. */
@SampleAppTest
class LifeEventBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.askonce.accounts.UserAccounts accounts;

    private WebDriver citizen;
    private WebDriver editor;

    @AfterEach
    void quit() {
        BrowserSupport.release(citizen, editor);
    }

    private static List<String> bubbles(WebDriver browser) {
        return browser.findElements(By.cssSelector(".msg.bot")).stream().map(WebElement::getText).toList();
    }

    private void ask(String text) {
        BrowserSupport.type(citizen, citizen.findElement(By.id("text")), text);
        citizen.findElement(By.id("send")).click();
    }

    @Test
    void anEventsStepsAreButtonsAndTappingOneShowsThatStep() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.manage().window().setSize(new Dimension(390, 844));
        citizen.get("http://127.0.0.1:" + port + "/");
        ask("开个小饭馆要办哪些证");
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d).stream().anyMatch(t -> t.contains("【开餐馆一件事】")));
        List<WebElement> steps = citizen.findElements(By.cssSelector(".msg.bot .options.menu button"));
        assertThat(steps).extracting(WebElement::getText).startsWith("1. 个体工商户设立登记", "2. 企业设立登记", "3. 食品经营许可");
        BrowserSupport.screenshot(citizen, "life-event-phone");
        citizen.manage().window().setSize(new Dimension(1280, 900));
        BrowserSupport.screenshot(citizen, "life-event-desktop");
        assertThat(BrowserSupport.policyViolations(citizen)).isEmpty();

        steps.get(2).click();
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d).stream().anyMatch(t -> t.startsWith("【食品经营许可】")));
        BrowserSupport.screenshot(citizen, "life-event-step-desktop");
    }

    @Test
    void anEditorSeesTheLifeEventsWithTheirStepsAndNoAccessibilityProblem() throws Exception {
        accounts.create("editor-li", "李编辑", org.askonce.accounts.Role.EDITOR, "li-editor-secret-1");
        editor = BrowserSupport.chromium();
        editor.get("http://127.0.0.1:" + port + "/editor/events");
        BrowserSupport.waitOn(editor, WAIT).until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
        editor.findElement(By.id("username")).sendKeys("editor-li");
        editor.findElement(By.id("password")).sendKeys("li-editor-secret-1");
        editor.findElement(By.cssSelector("form button[type=submit]")).click();
        BrowserSupport.waitOn(editor, WAIT).until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/editor/events"));
        assertThat(editor.findElement(By.tagName("h1")).getText()).isEqualTo("一件事");
        assertThat(editor.findElements(By.cssSelector("section[data-event]"))).hasSize(12);
        BrowserSupport.screenshot(editor, "life-events-editor-desktop");
        editor.manage().window().setSize(new Dimension(390, 844));
        BrowserSupport.screenshot(editor, "life-events-editor-phone");
        assertThat(BrowserSupport.accessibilityProblems(editor)).isEmpty();
        assertThat(BrowserSupport.policyViolations(editor)).isEmpty();
    }
}
