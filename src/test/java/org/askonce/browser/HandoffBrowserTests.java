package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
 * The whole hand-off in real headless Chromium: a citizen asks in the web chat and is handed off;
 * an agent logs in to the console, sees the question appear, claims it, looks it up in the knowledge
 * base, replies; the citizen sees the reply, the agent resolves, the citizen rates it.
 */
@MiniAppTest
class HandoffBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
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

    @Test
    void aCitizenHandedOffGetsTheAgentsReplyInTheWebChatAndRatesIt() throws Exception {
        accounts.create("agent-li", "李坐席", Role.AGENT, "li-agent-secret-1");
        citizen = BrowserSupport.chromium();
        agent = BrowserSupport.chromium();

        // the agent logs in first and watches the queue
        BrowserSupport.logIn(agent, url(""), "agent-li", "li-agent-secret-1");
        assertThat(agent.getCurrentUrl()).endsWith("/console");
        assertThat(agent.findElement(By.tagName("h1")).getText()).contains("坐席工作台");

        // the citizen asks for a person
        citizen.get(url("/"));
        say(citizen, "我要找人工客服");
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.bot").stream().anyMatch(t -> t.contains("人工客服")));

        // the question appears in the agent's queue without a reload
        WebElement row = BrowserSupport.waitOn(agent, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.queue tbody tr")));
        // asked for a person and nothing else yet: the queue says so rather than show "我要找人工客服" as the question
        assertThat(row.getText()).contains("市民只要求转人工").contains("网页").contains("排队中");
        BrowserSupport.screenshot(agent, "console-queue");
        row.findElement(By.xpath(".//button[text()='接入']")).click();

        // the conversation page: the transcript, the knowledge lookup, the reply
        BrowserSupport.waitOn(agent, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        assertThat(agent.findElement(By.id("transcript")).getText()).contains("我要找人工客服");
        BrowserSupport.type(agent, agent.findElement(By.id("kb-query")), "狗证");
        agent.findElement(By.id("kb-search")).click();
        WebElement found = BrowserSupport.waitOn(agent, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kb-results details summary")));
        assertThat(found.getText()).contains("犬");
        found.click();
        agent.findElement(By.xpath("//button[text()='插入材料']")).click();
        String inserted = agent.findElement(By.id("reply-text")).getAttribute("value");
        assertThat(inserted).contains("犬只狂犬病免疫证明");
        BrowserSupport.type(agent, agent.findElement(By.id("reply-text")), "\n以上是李坐席为您整理的材料。");
        BrowserSupport.screenshot(agent, "console-conversation");
        agent.findElement(By.id("send-reply")).click();
        BrowserSupport.waitOn(agent, WAIT).until(d -> d.findElement(By.id("transcript")).getText().contains("以上是李坐席为您整理的材料"));

        // the citizen sees it in the chat
        WebElement reply = BrowserSupport.waitOn(citizen, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.agent")));
        assertThat(reply.getText()).contains("人工客服").contains("犬只狂犬病免疫证明").contains("以上是李坐席为您整理的材料");

        // resolved: the citizen is asked to rate and rates
        agent.findElement(By.id("resolve")).click();
        WebElement rate = BrowserSupport.waitOn(citizen, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.xpath("//div[contains(@class,'rate')]/button[text()='满意']")));
        assertThat(bubbles(citizen, ".msg.bot")).anyMatch(t -> t.contains("本次人工服务已结束"));
        rate.click();
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.bot").stream().anyMatch(t -> t.contains("感谢您的评价")));
        BrowserSupport.screenshot(citizen, "webchat-after-handoff");

        agent.get(url("/console"));
        WebElement closed = BrowserSupport.waitOn(agent, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.xpath("//h2[text()='最近结束']/following-sibling::table[1]//tbody/tr")));
        assertThat(closed.getText()).contains("已解决").contains("agent-li").contains("满意");
    }
}
