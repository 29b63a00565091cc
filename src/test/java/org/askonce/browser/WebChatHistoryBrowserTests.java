package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.askonce.handoff.Handoff;
import org.askonce.handoff.HandoffQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web chat as a citizen uses it, in headless Chromium: the conversation survives closing the
 * page (an agent's reply that came meanwhile is there, marked unread, and only then 已送达 in the
 * console); links and phone numbers can be tapped; a menu is buttons only and tapping one asks it;
 * the page shows it is typing; an earlier answer can be rated.
 */
@MiniAppTest
class WebChatHistoryBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1280, 900);

    @LocalServerPort
    int port;
    @Autowired
    HandoffQueue queue;
    @Autowired
    UserAccounts accounts;

    private WebDriver citizen;
    private WebDriver agent;

    @AfterEach
    void quit() {
        BrowserSupport.release(citizen, agent);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void say(WebDriver browser, String text) {
        WebElement input = browser.findElement(By.id("text"));
        input.clear();
        BrowserSupport.type(browser, input, text);
        browser.findElement(By.id("send")).click();
    }

    private static List<String> bubbles(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static List<WebElement> botBubbles(WebDriver browser) {
        return browser.findElements(By.cssSelector("#log .msg.bot:not(.typing)"));
    }

    /** Waits for the bot's n-th bubble (counting the greeting as the first) and returns it. */
    private static WebElement botReply(WebDriver browser, int n) {
        BrowserSupport.waitOn(browser, WAIT).until(d -> botBubbles(d).size() >= n);
        return botBubbles(browser).get(n - 1);
    }

    private static long occurrences(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }

    /** The conversation of the hand-off the citizen just asked for (the newest in the queue). */
    private String newestHandoff() {
        return queue.queue().stream().max(java.util.Comparator.comparingLong(Handoff::id)).map(Handoff::conversationId).orElseThrow();
    }

    @Test
    void aCitizenWhoClosedThePageFindsTheAgentsReplyMarkedUnreadAndTheConsoleSaysDeliveredOnlyThen() throws Exception {
        accounts.create("agent-wang", "王坐席", Role.AGENT, "wang-agent-secret-1");
        citizen = BrowserSupport.chromium();
        citizen.manage().window().setSize(PHONE);
        citizen.get(url("/"));
        say(citizen, "狗证要带什么材料");
        botReply(citizen, 2);
        say(citizen, "我要找人工客服");
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.bot").stream().anyMatch(t -> t.contains("已为您转接人工客服")));

        // the citizen closes the page; an agent answers meanwhile
        citizen.get("about:blank");
        String conversation = newestHandoff();
        queue.claim(conversation, "agent-wang");
        queue.reply(conversation, "agent-wang", "您好！可以在网上办理：https://www.zjzwfw.gov.cn/card 。"
                + "也可以拨打 0571-87280110 或 12345 咨询，手机 13912345678。<b>请带好原件</b>");

        agent = BrowserSupport.chromium();
        BrowserSupport.logIn(agent, url(""), "agent-wang", "wang-agent-secret-1");
        agent.get(url("/console/conversations/" + conversation));
        WebElement waiting = BrowserSupport.waitOn(agent, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript li.agent .tag")));
        assertThat(waiting.getText()).isEqualTo("待查看");
        ((JavascriptExecutor) agent).executeScript("arguments[0].scrollIntoView({block: 'center'})", waiting);
        BrowserSupport.screenshot(agent, "console-waiting-to-be-read");

        // the citizen opens the chat again: the history, and the reply marked unread in place
        citizen.get(url("/"));
        WebElement reply = BrowserSupport.waitOn(citizen, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.agent.unread")));
        assertThat(bubbles(citizen, ".msg.me")).containsExactly("狗证要带什么材料", "我要找人工客服");
        assertThat(bubbles(citizen, ".msg.bot")).anyMatch(t -> t.contains("犬只狂犬病免疫证明"));
        assertThat(bubbles(citizen, ".separator.new")).containsExactly("以下是您离开后收到的新消息");
        assertThat(reply.getText()).contains("未读").contains("人工客服").contains("请带好原件");
        assertThat(citizen.getTitle()).startsWith("(1条新消息)");
        assertThat(BrowserSupport.accessibilityProblems(citizen)).isEmpty();
        BrowserSupport.screenshot(citizen, "webchat-history-phone");
        citizen.manage().window().setSize(DESKTOP);
        BrowserSupport.screenshot(citizen, "webchat-history-desktop");

        // the console shows it delivered once the page has it
        BrowserSupport.waitOn(agent, WAIT).until(d -> d.findElement(By.cssSelector("#transcript li.agent .tag")).getText().equals("已送达"));
        ((JavascriptExecutor) agent).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                agent.findElement(By.cssSelector("#transcript li.agent")));
        BrowserSupport.screenshot(agent, "console-delivered-after-fetch");
    }

    @Test
    void linksAndPhoneNumbersInAnAgentsReplyCanBeTappedAndItsMarkupIsShownAsText() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.get(url("/"));
        say(citizen, "人工");
        botReply(citizen, 2);
        String conversation = newestHandoff();
        queue.claim(conversation, "agent-zhao");
        queue.reply(conversation, "agent-zhao", "网上办理：https://www.zjzwfw.gov.cn/card 。电话 0571-87280110、12345，手机 13912345678。"
                + "费用 12000 元。<b>原件</b> javascript:alert(1)");

        WebElement reply = BrowserSupport.waitOn(citizen, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.agent")));
        List<String> hrefs = reply.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(hrefs).containsExactly("https://www.zjzwfw.gov.cn/card", "tel:057187280110", "tel:12345", "tel:13912345678");
        WebElement web = reply.findElement(By.cssSelector("a[href^='https:']"));
        assertThat(web.getAttribute("rel")).contains("noopener");
        assertThat(web.getAttribute("target")).isEqualTo("_blank");
        assertThat(reply.findElements(By.tagName("b"))).isEmpty();
        assertThat(reply.getText()).contains("<b>原件</b>").contains("12000 元");
    }

    @Test
    void aMenuIsListedOnceAsButtonsAndTappingAnOptionAsksIt() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.manage().window().setSize(PHONE);
        citizen.get(url("/"));
        say(citizen, "社保卡和狗证");
        WebElement menu = botReply(citizen, 2);

        List<WebElement> options = menu.findElements(By.cssSelector(".options.menu button"));
        assertThat(options).extracting(WebElement::getText).contains("2. 养犬登记（犬证办理）");
        assertThat(occurrences(menu.getText(), "养犬登记（犬证办理）")).isEqualTo(1);
        assertThat(menu.getText()).contains("您想问的是下面哪一项？");
        BrowserSupport.screenshot(citizen, "webchat-menu-phone");

        options.stream().filter(b -> b.getText().contains("养犬登记")).findFirst().orElseThrow().click();

        WebElement answer = botReply(citizen, 3);
        assertThat(bubbles(citizen, ".msg.me")).last().isEqualTo("养犬登记（犬证办理）");
        assertThat(answer.getText()).contains("【养犬登记（犬证办理）】");
    }

    @Test
    void anOpenMenuRestoredAfterAReloadIsStillButtonsOnlyAndTappingOneAnswersIt() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.get(url("/"));
        say(citizen, "社保卡和狗证");
        botReply(citizen, 2);

        citizen.navigate().refresh();
        WebElement menu = BrowserSupport.waitOn(citizen, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.bot[data-action='CLARIFY']")));
        assertThat(occurrences(menu.getText(), "养犬登记（犬证办理）")).isEqualTo(1);
        menu.findElements(By.cssSelector(".options.menu button")).stream().filter(b -> b.getText().contains("养犬登记"))
                .findFirst().orElseThrow().click();

        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.bot").stream().anyMatch(t -> t.startsWith("【养犬登记（犬证办理）】")));
        assertThat(bubbles(citizen, ".msg.err")).isEmpty();
    }

    @Test
    void followUpSuggestionsAreButtonsAndTappingOneAsksAboutTheSameItem() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.manage().window().setSize(PHONE);
        citizen.get(url("/"));
        say(citizen, "狗证怎么办");
        WebElement overview = botReply(citizen, 2);

        List<WebElement> followUps = overview.findElements(By.cssSelector(".options.follow-ups button"));
        assertThat(followUps).extracting(WebElement::getText).contains("多久办好", "要带什么材料");
        assertThat(overview.getText()).doesNotContain("要带什么材料、多久办好");
        BrowserSupport.screenshot(citizen, "webchat-follow-ups-phone");
        assertThat(BrowserSupport.accessibilityProblems(citizen)).isEmpty();

        followUps.stream().filter(b -> b.getText().equals("多久办好")).findFirst().orElseThrow().click();

        WebElement answer = botReply(citizen, 3);
        assertThat(answer.getText()).contains("【养犬登记（犬证办理）】").contains("时限");
    }

    @Test
    void whileWaitingForTheAnswerThePageShowsThatItIsTyping() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.get(url("/"));
        // the answer takes 2 s to arrive
        ((JavascriptExecutor) citizen).executeScript("""
                var real = window.fetch;
                window.fetch = function (url, init) {
                  return url === '/api/chat' ? new Promise(function (ok) { setTimeout(ok, 2000); }).then(function () { return real(url, init); })
                                             : real(url, init);
                };""");
        say(citizen, "狗证要带什么材料");

        WebElement typing = BrowserSupport.waitOn(citizen, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("typing")));
        assertThat(typing.getAttribute("aria-label")).isEqualTo("正在输入");
        BrowserSupport.screenshot(citizen, "webchat-typing");
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.bot").stream().anyMatch(t -> t.contains("犬只狂犬病免疫证明")));
        assertThat(citizen.findElements(By.id("typing"))).isEmpty();
    }

    @Test
    void anEarlierAnswerIsRatedFromItsOwnButtons() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.get(url("/"));
        say(citizen, "狗证要带什么材料");
        WebElement first = botReply(citizen, 2);
        say(citizen, "社保卡和狗证"); // a menu is open now: the first answer is no longer the latest
        botReply(citizen, 3);

        first.findElement(By.xpath(".//div[contains(@class,'rate')]/button[text()='基本满意']")).click();

        BrowserSupport.waitOn(citizen, WAIT).until(d -> first.getText().contains("您的评价：基本满意"));
        assertThat(botReply(citizen, 4).getText()).contains("感谢您的评价");
        assertThat(bubbles(citizen, ".msg.err")).isEmpty();
        BrowserSupport.screenshot(citizen, "webchat-rated-earlier");

        // the rating is there after a reload too
        citizen.navigate().refresh();
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".rate.done").contains("您的评价：基本满意"));
    }

    @Test
    void aGuideUrlInTheAnswerIsShownAsALinkAndAnUnsafeOneIsNot() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.get(url("/"));
        // the answer as it will come once answers carry their guide's address
        ((JavascriptExecutor) citizen).executeScript("""
                var real = window.fetch, n = 0;
                window.fetch = function (url, init) {
                  if (url !== '/api/chat') { return real(url, init); }
                  return real(url, init).then(function (r) { return r.json().then(function (body) {
                    body.guideUrl = n++ === 0 ? '/guide/dog-registration' : 'javascript:alert(1)';
                    return new Response(JSON.stringify(body), { status: r.status, headers: { 'Content-Type': 'application/json' } });
                  }); });
                };""");
        say(citizen, "狗证要带什么材料");
        WebElement withGuide = botReply(citizen, 2);
        say(citizen, "那要多久");
        WebElement unsafe = botReply(citizen, 3);

        WebElement guide = withGuide.findElement(By.cssSelector(".guide a"));
        assertThat(guide.getText()).isEqualTo("完整办事指南");
        assertThat(guide.getAttribute("href")).isEqualTo(url("/guide/dog-registration"));
        assertThat(unsafe.findElements(By.cssSelector(".guide a"))).isEmpty();
        BrowserSupport.screenshot(citizen, "webchat-guide-link");
    }
}
