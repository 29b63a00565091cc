package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (WCAG 2.1 A and AA) finds no serious or critical problem on the main pages as people use them: the web
 * chat with an answer and a clarifying question in it, the login page, the agent console's queue and a conversation, the editor's
 * item list and an item, and the error and logout pages, which also speak Chinese.
 */
@MiniAppTest
class AccessibilityBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    private WebDriver browser;

    @AfterEach
    void quit() {
        BrowserSupport.release(browser);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void say(String text) {
        WebElement input = browser.findElement(By.id("text"));
        input.clear();
        BrowserSupport.type(browser, input, text);
        browser.findElement(By.id("send")).click();
    }

    private int botMessages() {
        return browser.findElements(By.cssSelector(".msg.bot")).size();
    }

    @Test
    void theWebChatWithAnAnswerAndAClarifyingQuestionHasNoSeriousAccessibilityProblem() throws Exception {
        browser = BrowserSupport.chromium();
        browser.get(url("/"));
        int before = botMessages();
        say("办狗证要带什么材料");
        BrowserSupport.waitOn(browser, WAIT).until(d -> botMessages() > before);
        int answered = botMessages();
        say("卡");
        BrowserSupport.waitOn(browser, WAIT).until(d -> botMessages() > answered);
        BrowserSupport.screenshot(browser, "accessibility-chat");

        assertThat(BrowserSupport.accessibilityProblems(browser)).isEmpty();
    }

    @Test
    void theCheckFindsAFieldWithoutLabelAndTextTooFaintToRead() {
        browser = BrowserSupport.chromium();
        browser.get(url("/login"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                var field = document.createElement('input');
                document.querySelector('main').appendChild(field);
                var faint = document.createElement('p');
                faint.textContent = '办事指南';
                faint.style.color = '#eeeeee';
                document.querySelector('main').appendChild(faint);""");

        assertThat(BrowserSupport.accessibilityProblems(browser))
                .anySatisfy(problem -> assertThat(problem).startsWith("label (critical)"))
                .anySatisfy(problem -> assertThat(problem).startsWith("color-contrast (serious)"));
    }

    @Test
    void theLoginPageHasNoSeriousAccessibilityProblem() {
        browser = BrowserSupport.chromium();
        browser.get(url("/login?error"));

        assertThat(BrowserSupport.accessibilityProblems(browser)).isEmpty();
    }

    @Test
    void theAgentConsoleQueueAndAConversationHaveNoSeriousAccessibilityProblem() throws Exception {
        accounts.create("a11y-agent", "周坐席", Role.AGENT, "zhou-agent-secret-1");
        browser = BrowserSupport.chromium();
        browser.get(url("/"));
        int before = botMessages();
        say("我要找人工客服");
        BrowserSupport.waitOn(browser, WAIT).until(d -> botMessages() > before);
        browser.manage().deleteAllCookies();

        BrowserSupport.logIn(browser, url(""), "a11y-agent", "zhou-agent-secret-1");
        WebElement row = BrowserSupport.waitOn(browser, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.queue tbody tr")));
        assertThat(BrowserSupport.accessibilityProblems(browser)).as("queue").isEmpty();

        row.findElement(By.xpath(".//button[text()='接入']")).click();
        BrowserSupport.waitOn(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        BrowserSupport.screenshot(browser, "accessibility-console-conversation");
        assertThat(BrowserSupport.accessibilityProblems(browser)).as("conversation").isEmpty();
    }

    @Test
    void theEditorsItemListAndAnItemHaveNoSeriousAccessibilityProblem() throws Exception {
        accounts.create("a11y-editor", "吴编辑", Role.EDITOR, "wu-editor-secret-1");
        browser = BrowserSupport.chromium();
        BrowserSupport.logIn(browser, url(""), "a11y-editor", "wu-editor-secret-1");
        assertThat(BrowserSupport.accessibilityProblems(browser)).as("item list").isEmpty();

        browser.findElement(By.linkText("养犬登记（犬证办理）")).click();
        BrowserSupport.waitOn(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.materials")));
        BrowserSupport.screenshot(browser, "accessibility-editor-item");
        assertThat(BrowserSupport.accessibilityProblems(browser)).as("item").isEmpty();
    }

    @Test
    void anUnknownAddressShowsAChinesePageNotFound() throws Exception {
        accounts.create("a11y-reader", "郑编辑", Role.EDITOR, "zheng-editor-secret-1");
        browser = BrowserSupport.chromium();
        BrowserSupport.logIn(browser, url(""), "a11y-reader", "zheng-editor-secret-1");
        browser.get(url("/editor/no-such-page"));
        BrowserSupport.screenshot(browser, "error-404");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("/editor/no-such-page").doesNotContain("Whitelabel");
        assertThat(BrowserSupport.accessibilityProblems(browser)).isEmpty();
    }

    @Test
    void openingTheLogoutAddressAsksAndThenLogsOut() throws Exception {
        accounts.create("a11y-leaver", "冯编辑", Role.EDITOR, "feng-editor-secret-1");
        browser = BrowserSupport.chromium();
        BrowserSupport.logIn(browser, url(""), "a11y-leaver", "feng-editor-secret-1");
        browser.get(url("/logout"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("退出登录");
        assertThat(BrowserSupport.accessibilityProblems(browser)).isEmpty();
        browser.findElement(By.id("confirm-logout")).click();
        BrowserSupport.waitOn(browser, WAIT).until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("您已退出登录");
        browser.get(url("/editor"));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }
}
