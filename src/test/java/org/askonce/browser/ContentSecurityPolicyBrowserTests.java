package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page still works under the Content-Security-Policy (no inline script or style): real headless
 * Chromium opens the citizens' pages and every staff page an admin sees, runs their scripts, and its
 * console reports nothing refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:browser-csp;DB_CLOSE_DELAY=-1",
    "askonce.admin.username=csp-admin",
    "askonce.admin.password=policy-check-key-1",
    "askonce.wechat.simulator=true"})
class ContentSecurityPolicyBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    private WebDriver browser;

    @AfterEach
    void quit() {
        BrowserSupport.release(browser);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void theChatPagesScriptRunsAndAnswers() {
        browser = BrowserSupport.chromium();
        browser.get(url("/"));
        BrowserSupport.waitOn(browser, WAIT).until(d -> !d.findElements(By.cssSelector(".msg.bot")).isEmpty());
        WebElement input = browser.findElement(By.id("text"));
        BrowserSupport.type(browser, input, "狗证在哪办");
        browser.findElement(By.id("send")).click();
        BrowserSupport.waitOn(browser, WAIT).until(d -> d.findElements(By.cssSelector(".msg.bot")).size() >= 2);
        assertThat(browser.findElement(By.tagName("header")).getCssValue("background-color")).as("styled from chat.css")
                .isEqualTo("rgba(22, 93, 204, 1)"); // --blue of chat.css (#165dcc)
        assertThat(BrowserSupport.policyViolations(browser)).isEmpty();
    }

    @Test
    void theWechatSimulatorsScriptSendsAndShowsTheReply() {
        browser = BrowserSupport.chromium();
        browser.get(url("/wx/simulator"));
        WebElement content = browser.findElement(By.id("content"));
        BrowserSupport.type(browser, content, "狗证在哪办");
        browser.findElement(By.id("send")).click();
        BrowserSupport.waitOn(browser, WAIT).until(d -> !d.findElements(By.cssSelector(".msg.bot")).isEmpty());
        assertThat(browser.findElement(By.id("req")).getText()).contains("<Content>狗证在哪办</Content>");
        assertThat(BrowserSupport.policyViolations(browser)).isEmpty();
    }

    @Test
    void everyStaffPageAnAdminOpensRunsWithoutRefusals() {
        browser = BrowserSupport.chromium();
        BrowserSupport.logIn(browser, url(""), "csp-admin", "policy-check-key-1");
        List<String> refused = new ArrayList<>(BrowserSupport.policyViolations(browser));
        for (String page : List.of("/admin/users", "/console", "/editor", "/editor/items/dog-registration", "/editor/review",
                "/editor/lexicon", "/editor/try?q=%E7%8B%97%E8%AF%81", "/editor/audit", "/editor/learning", "/editor/analytics")) {
            browser.get(url(page));
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
            refused.addAll(BrowserSupport.policyViolations(browser).stream().map(m -> page + ": " + m).toList());
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void swaggerUiRendersTheApi() {
        browser = BrowserSupport.chromium();
        BrowserSupport.logIn(browser, url(""), "csp-admin", "policy-check-key-1");
        browser.get(url("/swagger-ui/index.html"));
        BrowserSupport.waitOn(browser, WAIT).until(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
        assertThat(BrowserSupport.policyViolations(browser)).isEmpty();
    }
}
