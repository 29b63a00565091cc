package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent console as an agent works it, in headless Chromium: the queue shows what the citizen
 * asked before asking for a person; the transcript opens at the newest message and stays there when
 * the agent replies; the reply counter counts as the citizen sees; a transfer picks an agent online
 * from a list; "存为知识" shows a draft with the citizen's phone and name masked, filed under an item
 * chosen from search results.
 */
@MiniAppTest
class AgentConsoleBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(30); // a busy machine: two cores, several browsers
    private static final String PASSWORD = "console-agent-key-7";

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
        // the chat sends one message at a time: wait until the previous one went
        BrowserSupport.waitOn(browser, WAIT).until(d -> d.findElement(By.id("send")).isEnabled());
        WebElement input = browser.findElement(By.id("text"));
        input.clear();
        BrowserSupport.type(browser, input, text);
        browser.findElement(By.id("send")).click();
    }

    private static List<String> bubbles(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /**
     * Whether the newest message is in sight: the transcript box (which does scroll) is at its end and
     * its last message is inside the browser window.
     */
    private static boolean atNewest(WebDriver browser) {
        return (Boolean) js(browser, "var t = document.getElementById('transcript');"
                + "var last = t.lastElementChild.getBoundingClientRect();"
                + "return t.scrollHeight > t.clientHeight && t.scrollHeight - t.scrollTop - t.clientHeight < 5"
                + " && last.bottom <= window.innerHeight && last.top >= 0;");
    }

    /** Another agent at work, through the agent API (a hotline system), which marks them online. */
    private HttpResponse<String> api(String method, String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAgentSeesTheRealQuestionRepliesAtTheNewestMessageTransfersFromAListAndSavesAMaskedDraft() throws Exception {
        accounts.create("agent-wang", "王坐席", Role.AGENT, PASSWORD);
        accounts.create("agent-zhao", "赵坐席", Role.AGENT, PASSWORD);
        accounts.create("agent-away", "休假坐席", Role.AGENT, PASSWORD);
        citizen = BrowserSupport.chromium();
        agent = BrowserSupport.chromium();
        BrowserSupport.logIn(agent, url(""), "agent-wang", PASSWORD);
        assertThat(api("GET", "/api/agent/queue", "agent-zhao").statusCode()).isEqualTo(200); // 赵坐席 is at work

        // the citizen asks the bot, then asks for a person, then says more
        citizen.get(url("/"));
        say(citizen, "狗证要带什么材料");
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.bot").stream().anyMatch(t -> t.contains("犬只狂犬病免疫证明")));
        say(citizen, "转人工");
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.bot").stream().anyMatch(t -> t.contains("人工客服")));

        // the queue shows the question that led to the hand-off, and the item it is about
        WebElement row = BrowserSupport.waitOn(agent, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.queue tbody tr")));
        assertThat(row.findElement(By.cssSelector(".question")).getText()).isEqualTo("狗证要带什么材料");
        assertThat(row.getText()).contains("养犬登记").doesNotContain("市民只要求转人工");
        BrowserSupport.screenshot(agent, "agent-console-queue-desktop");
        agent.manage().window().setSize(new Dimension(390, 844));
        BrowserSupport.screenshot(agent, "agent-console-queue-phone");
        assertThat((Long) js(agent, "return document.documentElement.scrollWidth;")).as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(390L);
        agent.manage().window().setSize(new Dimension(1280, 900));

        for (String more : List.of("我叫张三，电话13912345678", "想问外地户口能办狗证吗", "房子是租的", "狗已经打过疫苗了",
                "要本人去吗", "周末能办吗")) {
            say(citizen, more);
        }
        BrowserSupport.waitOn(agent, WAIT).until(d -> d.findElement(By.cssSelector("table.queue tbody tr")).getText().contains("狗证"));
        BrowserSupport.waitOn(agent, WAIT).until(d -> { // the queue may refresh under the click: click again then
            d.findElement(By.xpath("//table[contains(@class,'queue')]//button[text()='接入']")).click();
            return true;
        });

        // the transcript opens at the newest message
        BrowserSupport.waitOn(agent, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        BrowserSupport.waitOn(agent, WAIT).until(d -> d.findElement(By.id("transcript")).getText().contains("周末能办吗"));
        assertThat(atNewest(agent)).as("the transcript opens at the newest message").isTrue();

        // the counter counts a line break once, as the citizen sees it
        WebElement text = agent.findElement(By.id("reply-text"));
        BrowserSupport.type(agent, text, "张三您好：\n外地户口凭居住证可以办理。\n周末不办理，请工作日前往。");
        assertThat(agent.findElement(By.id("reply-count")).getText()).isEqualTo("33/2000字"); // 31 characters, 2 line breaks
        BrowserSupport.screenshot(agent, "agent-console-conversation");
        String before = agent.getCurrentUrl();
        agent.findElement(By.id("send-reply")).click();

        // sent without leaving the page; the transcript shows the reply and stays at the newest message
        BrowserSupport.waitOn(agent, WAIT).until(d -> d.findElement(By.id("transcript")).getText().contains("周末不办理，请工作日前往"));
        BrowserSupport.waitOn(agent, WAIT).until(d -> atNewest(d));
        assertThat(agent.getCurrentUrl()).isEqualTo(before);
        assertThat(agent.findElement(By.id("reply-text")).getAttribute("value")).isEmpty();
        assertThat(agent.findElement(By.id("reply-count")).getText()).isEqualTo("0/2000字");
        BrowserSupport.screenshot(agent, "agent-console-after-reply");
        BrowserSupport.waitOn(citizen, WAIT).until(d -> bubbles(d, ".msg.agent").stream().anyMatch(t -> t.contains("周末不办理")));

        // transfer: chosen from the agents online (赵坐席), not typed; an agent who is away is not offered
        Select to = new Select(agent.findElement(By.id("transfer-to")));
        assertThat(to.getOptions()).extracting(WebElement::getText).contains("赵坐席（agent-zhao）")
                .noneMatch(o -> o.contains("休假坐席") || o.contains("王坐席"));
        assertThat(agent.findElements(By.cssSelector("input[name=to]"))).isEmpty();
        to.selectByValue("agent-zhao");
        agent.findElement(By.id("transfer")).click();
        BrowserSupport.waitOn(agent, WAIT).until(d -> d.getCurrentUrl().endsWith("/console") || !d.findElements(By.cssSelector(".alert.error")).isEmpty());
        assertThat(agent.findElements(By.cssSelector(".alert.error"))).extracting(WebElement::getText).isEmpty();
        assertThat(agent.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("已转给赵坐席");
        String id = agent.findElement(By.cssSelector("table.queue tbody tr")).getAttribute("data-conversation");

        // 赵坐席 ends it; then "存为知识" on the ended conversation
        assertThat(api("POST", "/api/agent/conversations/" + id + "/resolve", "agent-zhao").statusCode()).isEqualTo(200);
        agent.get(url("/console/conversations/" + id));
        WebElement form = BrowserSupport.waitOn(agent, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.knowledge")));
        String draft = (String) js(agent, "return Array.from(arguments[0].querySelectorAll('input[type=text], textarea'))"
                + ".map(function (e) { return e.value; }).join('\\n');", form);
        assertThat(draft).contains("狗证要带什么材料").contains("张*").contains("139****5678")
                .doesNotContain("13912345678").doesNotContain("张三");
        Select item = new Select(agent.findElement(By.id("kn-item")));
        assertThat(item.getFirstSelectedOption().getText()).contains("养犬登记");
        assertThat(agent.findElements(By.cssSelector("input[name=itemId]"))).as("no item id to type").isEmpty();

        // another item, found by search and chosen from the list (the search replaces the list)
        WebElement query = agent.findElement(By.id("kn-item-query"));
        BrowserSupport.type(agent, query, "社保卡");
        agent.findElement(By.id("kn-item-search")).click();
        BrowserSupport.waitOn(agent, WAIT).until(d -> new Select(d.findElement(By.id("kn-item"))).getFirstSelectedOption().getText().contains("社会保障卡"));
        js(agent, "document.getElementById('kn-save').scrollIntoView({block: 'center'});");
        BrowserSupport.screenshot(agent, "agent-console-save-as-knowledge");
        agent.findElement(By.id("kn-save")).click();
        WebElement saved = BrowserSupport.waitOn(agent, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert.ok")));
        assertThat(saved.getText()).contains("已存为知识草稿");
        assertThat(BrowserSupport.policyViolations(agent)).isEmpty();
    }
}
