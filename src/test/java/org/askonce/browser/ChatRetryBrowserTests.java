package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.askonce.system.DatabaseWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The chat page while the service answers 503 (the database is down): it says that it is retrying,
 * sends the question again by itself, and shows the answer once the service is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:browser-chat-retry;DB_CLOSE_DELAY=-1",
    "askonce.wechat.outbox.enabled=false"})
class ChatRetryBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @MockitoSpyBean
    DatabaseWatch database;

    private WebDriver citizen;
    /** Whether the database is to be taken as answering; switched while requests run, so the spy is stubbed once, before any. */
    private final AtomicBoolean up = new AtomicBoolean(true);

    @BeforeEach
    void databaseAsSwitched() {
        // stubbing a spy while another thread calls it confuses Mockito (seen once in CI): stub once, switch the flag
        doAnswer(call -> up.get() && (Boolean) call.callRealMethod()).when(database).available();
    }

    @AfterEach
    void quit() {
        BrowserSupport.release(citizen);
    }

    private static List<String> bubbles(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static boolean retryingShown(WebDriver browser) {
        List<WebElement> status = browser.findElements(By.id("retrying"));
        return !status.isEmpty() && status.get(0).isDisplayed() && status.get(0).getText().equals("网络/服务繁忙，正在重试…");
    }

    @Test
    void whileTheServiceIsBusyThePageSaysItIsRetryingAndShowsTheAnswerOnceItIsBack() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.get("http://127.0.0.1:" + port + "/");
        up.set(false);

        WebElement input = citizen.findElement(By.id("text"));
        BrowserSupport.type(citizen, input, "狗证要带什么材料");
        citizen.findElement(By.id("send")).click();
        BrowserSupport.waitOn(citizen, WAIT).until(ChatRetryBrowserTests::retryingShown);
        Thread.sleep(1500);
        assertThat(bubbles(citizen, ".msg.bot")).noneMatch(t -> t.contains("犬只狂犬病免疫证明"));

        up.set(true);
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.bot").stream().anyMatch(t -> t.contains("犬只狂犬病免疫证明")));
        assertThat(retryingShown(citizen)).isFalse();
        assertThat(bubbles(citizen, ".msg.err")).isEmpty();
    }
}
