package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An editor adds a step to a life event (一件事) on its page in the editor console and saves a draft:
 * the page says so, shows the added step as a change waiting for review, and has no accessibility
 * problem; a reviewer's confirmation page shows the same change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-life-event-editing;DB_CLOSE_DELAY=-1")
class LifeEventEditingBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    private WebDriver editor;
    private WebDriver reviewer;

    @AfterEach
    void quit() {
        BrowserSupport.release(editor, reviewer);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anEditorAddsAStepSavesADraftAndSeesTheChangeWaitingForReview() throws Exception {
        accounts.create("editor-feng", "冯编辑", Role.EDITOR, "feng-editor-secret-1");
        accounts.create("reviewer-chen", "陈审核", Role.REVIEWER, "chen-reviewer-secret-1");
        editor = BrowserSupport.chromium();
        BrowserSupport.logIn(editor, url(""), "editor-feng", "feng-editor-secret-1");
        editor.get(url("/editor/events"));
        editor.findElement(By.cssSelector("section[data-event='open-restaurant'] a.edit")).click();
        BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("event-form")));
        assertThat(editor.findElement(By.tagName("h1")).getText()).contains("开餐馆一件事", "第1版", "已发布");

        // the empty row under the six steps becomes the seventh
        WebElement newRow = editor.findElement(By.cssSelector("table.steps tr.new"));
        BrowserSupport.type(editor, newRow.findElement(By.cssSelector("input.step-item")), "公章刻制备案");
        BrowserSupport.type(editor, newRow.findElement(By.cssSelector("input.step-why")), "以公司名义开店的，领执照后刻制公章");
        BrowserSupport.type(editor, newRow.findElement(By.cssSelector("input.step-condition")), "以公司名义开店的");
        BrowserSupport.type(editor, editor.findElement(By.cssSelector("input[name=changeNote]")), "补充刻制公章");
        ((JavascriptExecutor) editor).executeScript("arguments[0].scrollIntoView({block: 'center'})", newRow);
        BrowserSupport.screenshot(editor, "event-edit-add-step");
        editor.findElement(By.id("save-event")).click();

        BrowserSupport.waitOn(editor, WAIT).until(d -> d.findElements(By.cssSelector(".alert.ok")).stream()
                .anyMatch(a -> a.getText().contains("第2版草稿")));
        WebElement pending = editor.findElement(By.id("pending"));
        assertThat(pending.findElement(By.cssSelector("tr[data-field='步骤'] td.after")).getText())
                .contains("＋ 第7步 公章刻制备案：以公司名义开店的，领执照后刻制公章；办理情形：以公司名义开店的");
        assertThat(pending.getText()).contains("等待审核");
        List<WebElement> rows = editor.findElements(By.cssSelector("table.steps input.step-item"));
        assertThat(rows.get(6).getDomProperty("value")).isEqualTo("公章刻制备案");
        BrowserSupport.screenshot(editor, "event-edit-saved-desktop");
        assertThat(BrowserSupport.accessibilityProblems(editor)).as("event page with a draft").isEmpty();
        assertThat(BrowserSupport.policyViolations(editor)).isEmpty();
        editor.manage().window().setSize(new Dimension(390, 844));
        BrowserSupport.screenshot(editor, "event-edit-saved-phone");

        editor.manage().window().setSize(new Dimension(1280, 900));
        editor.get(url("/editor/events/new"));
        BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("event-form")));
        BrowserSupport.screenshot(editor, "event-new");
        assertThat(BrowserSupport.accessibilityProblems(editor)).as("new event page").isEmpty();

        reviewer = BrowserSupport.chromium();
        BrowserSupport.logIn(reviewer, url(""), "reviewer-chen", "chen-reviewer-secret-1");
        reviewer.get(url("/editor/review"));
        WebElement card = BrowserSupport.waitOn(reviewer, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.id("pending-event-open-restaurant")));
        assertThat(card.getText()).contains("开餐馆一件事", "editor-feng", "补充刻制公章", "＋ 第7步 公章刻制备案");
        assertThat(BrowserSupport.accessibilityProblems(reviewer)).as("review queue with an event").isEmpty();
        card.findElement(By.cssSelector("a.publish")).click();
        BrowserSupport.waitOn(reviewer, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
        assertThat(reviewer.findElement(By.cssSelector("table.diff")).getText()).contains("＋ 第7步 公章刻制备案");
        BrowserSupport.screenshot(reviewer, "event-confirm-publish");
        assertThat(BrowserSupport.accessibilityProblems(reviewer)).as("event confirmation").isEmpty();
        reviewer.findElement(By.id("confirm")).click();
        BrowserSupport.waitOn(reviewer, WAIT).until(d -> d.findElements(By.cssSelector(".alert.ok")).stream()
                .anyMatch(a -> a.getText().contains("已发布")));
        assertThat(reviewer.findElements(By.id("pending-event-open-restaurant"))).as("gone from the queue once published").isEmpty();
    }
}
