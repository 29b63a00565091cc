package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.askonce.knowledge.editing.KnowledgeDrafts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An editor changes an item's materials in the editor console and saves a draft (there is no publish
 * button for an editor); a reviewer finds it in the review queue, looks at the changes and
 * publishes; the web chat answers with the new materials.
 * A reviewer adds a colloquial term in the lexicon, publishes, and the web chat understands it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:browser-editor;DB_CLOSE_DELAY=-1"})
class EditorBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    KnowledgeDrafts drafts;
    @Autowired
    org.askonce.knowledge.KnowledgeBase knowledgeBase;
    @Autowired
    org.askonce.knowledge.editing.KnowledgeEditor knowledgeEditor;

    private WebDriver editor;
    private WebDriver reviewer;
    private WebDriver citizen;

    @AfterEach
    void quit() {
        BrowserSupport.release(editor, reviewer, citizen);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anEditorSavesADraftAReviewerPublishesItFromTheQueueAndTheWebChatAnswersWithIt() throws Exception {
        accounts.create("editor-zhao", "赵编辑", Role.EDITOR, "zhao-editor-secret-1");
        accounts.create("reviewer-qian", "钱审核", Role.REVIEWER, "qian-reviewer-secret-1");
        editor = BrowserSupport.chromium();
        BrowserSupport.logIn(editor, url(""), "editor-zhao", "zhao-editor-secret-1");
        assertThat(editor.getCurrentUrl()).endsWith("/editor");
        BrowserSupport.screenshot(editor, "editor-items");

        editor.findElement(By.linkText("养犬登记（犬证办理）")).click();
        WebElement newRow = BrowserSupport.waitOn(editor, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.materials tr.new input[name=name]")));
        BrowserSupport.type(editor, newRow, "犬只芯片植入证明");
        editor.findElement(By.id("save-materials")).click();
        BrowserSupport.waitOn(editor, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("草稿"));
        assertThat(editor.findElements(By.cssSelector("button.publish"))).as("no publish button for an editor").isEmpty();
        assertThat(editor.findElement(By.cssSelector(".awaiting")).getText()).isEqualTo("等待审核");
        assertThat(editor.findElement(By.cssSelector(".publish-note")).getText()).contains("钱审核（reviewer-qian）");
        BrowserSupport.screenshot(editor, "editor-item-draft");

        reviewer = BrowserSupport.chromium();
        BrowserSupport.logIn(reviewer, url(""), "reviewer-qian", "qian-reviewer-secret-1");
        reviewer.findElement(By.cssSelector("nav a[href='/editor/review']")).click();
        WebElement row = BrowserSupport.waitOn(reviewer, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.id("pending-dog-registration")));
        assertThat(row.getText()).contains("养犬登记（犬证办理）", "editor-zhao", "修改材料");
        BrowserSupport.screenshot(reviewer, "review-queue");
        assertThat(BrowserSupport.accessibilityProblems(reviewer)).as("review queue").isEmpty();
        // the changes are next to the button, as lines added
        assertThat(row.findElement(By.cssSelector("tr[data-field='申请材料'] td.after")).getText()).contains("＋ 犬只芯片植入证明");
        row.findElement(By.cssSelector("a.publish")).click();
        // publishing asks first, with the changes above the button
        WebElement confirm = BrowserSupport.waitOn(reviewer, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
        assertThat(reviewer.findElement(By.tagName("h1")).getText()).isEqualTo("确认发布");
        assertThat(reviewer.findElement(By.cssSelector("table.diff")).getText()).contains("申请材料", "＋ 犬只芯片植入证明");
        assertThat(knowledgeBase.snapshot().item("dog-registration").orElseThrow().materials())
                .as("nothing published before the confirmation").noneMatch(m -> m.name().equals("犬只芯片植入证明"));
        BrowserSupport.screenshot(reviewer, "review-confirm-publish");
        assertThat(BrowserSupport.accessibilityProblems(reviewer)).as("confirmation").isEmpty();
        reviewer.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        BrowserSupport.screenshot(reviewer, "review-confirm-publish-phone");
        confirm.click();
        BrowserSupport.waitOn(reviewer, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("已发布"));
        assertThat(reviewer.findElements(By.id("pending-dog-registration"))).as("gone from the queue once published").isEmpty();

        String answer = askInTheWebChatUntil("狗证要带什么材料", "犬只芯片植入证明");
        assertThat(answer).contains("犬只芯片植入证明");
        BrowserSupport.screenshot(citizen, "webchat-new-materials");
    }

    @Test
    void aReviewerAddsAColloquialTermPublishesTheLexiconAndTheWebChatUnderstandsIt() throws Exception {
        accounts.create("reviewer-wu", "吴审核", Role.REVIEWER, "wu-reviewer-secret-1");
        editor = BrowserSupport.chromium();
        BrowserSupport.logIn(editor, url(""), "reviewer-wu", "wu-reviewer-secret-1");

        editor.findElement(By.linkText("词库")).click();
        BrowserSupport.waitOn(editor, WAIT).until(d -> d.findElement(By.id("counts")).getText().contains("个口语说法"));
        editor.findElement(By.xpath("//tr[td[@class='official' and text()='养犬登记']]//a[text()='编辑']")).click();
        WebElement terms = BrowserSupport.waitOn(editor, WAIT).until(d -> {
            WebElement field = d.findElement(By.id("terms"));
            return field.getDomProperty("value").contains("狗证") ? field : null;
        });
        BrowserSupport.type(editor, terms, "、汪汪证");
        editor.findElement(By.id("save-entry")).click();
        BrowserSupport.waitOn(editor, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("新增 汪汪证 → 养犬登记"));
        assertThat(editor.findElement(By.cssSelector("table.changes")).getText()).contains("汪汪证").contains("reviewer-wu");
        BrowserSupport.screenshot(editor, "lexicon-draft");
        editor.findElement(By.id("publish-lexicon")).click();
        BrowserSupport.waitOn(editor, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("已发布"));
        BrowserSupport.screenshot(editor, "lexicon-published");

        String answer = askInTheWebChatUntil("汪汪证要带什么材料", "犬只狂犬病免疫证明");
        assertThat(answer).contains("犬只狂犬病免疫证明");
    }

    /**
     * A wait that ignores elements of the page being left: after a click that submits a form, the
     * old page's alert can be found and then go stale while the next page loads.
     */

    /** Asks in the web chat, again while the answer lacks {@code expected} (the index is rebuilt in the background); the last answer. */
    private String askInTheWebChatUntil(String question, String expected) {
        citizen = BrowserSupport.chromium();
        citizen.get(url("/"));
        String answer = "";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!answer.contains(expected) && System.nanoTime() < deadline) {
            int before = citizen.findElements(By.cssSelector(".msg.bot")).size();
            WebElement input = citizen.findElement(By.id("text"));
            BrowserSupport.type(citizen, input, question);
            citizen.findElement(By.id("send")).click();
            BrowserSupport.waitOn(citizen, WAIT).until(d -> d.findElements(By.cssSelector(".msg.bot")).size() > before);
            List<WebElement> bots = citizen.findElements(By.cssSelector(".msg.bot"));
            answer = bots.get(bots.size() - 1).getText();
        }
        return answer;
    }

    @Test
    void anEditorAdoptsAnAgentsProposalOnTheItemPickedInTheForm() throws Exception {
        accounts.create("editor-sun", "孙编辑", Role.EDITOR, "sun-editor-secret-1");
        long id = drafts.propose(null, "社保卡坏了能补办吗", List.of("市民卡坏了怎么办"), "可以补办。", "HANDOFF", "7", "agent-li");
        editor = BrowserSupport.chromium();
        BrowserSupport.logIn(editor, url(""), "editor-sun", "sun-editor-secret-1");

        WebElement row = editor.findElement(By.id("proposal-" + id));
        row.findElement(By.cssSelector("details.adopt summary")).click();
        BrowserSupport.type(editor, row.findElement(By.cssSelector("input[name=itemId]")), "social-security-card");
        WebElement answer = row.findElement(By.cssSelector("textarea[name=answer]"));
        answer.clear();
        BrowserSupport.type(editor, answer, "携带身份证到银行网点换卡，当场领取。");
        ((JavascriptExecutor) editor).executeScript("arguments[0].scrollIntoView()", row);
        BrowserSupport.screenshot(editor, "editor-proposal-adopt");
        row.findElement(By.cssSelector("details.adopt button[type=submit]")).click();

        BrowserSupport.waitOn(editor, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("已采纳"));
        assertThat(editor.findElement(By.cssSelector(".alert.ok")).getText()).contains("社会保障卡（市民卡）申领", "等待审核发布");
        assertThat(editor.findElements(By.id("proposal-" + id))).as("an adopted proposal leaves the list").isEmpty();
        assertThat(drafts.find(id).orElseThrow().adoptedItemId()).isEqualTo("social-security-card");
    }

    @Test
    void aReviewerSendsADraftBackWithACommentAndTheEditorSeesItInTheListAndOnTheItem() throws Exception {
        accounts.create("editor-li", "李编辑", Role.EDITOR, "li-editor-secret-1");
        accounts.create("reviewer-zheng", "郑审核", Role.REVIEWER, "zheng-reviewer-secret-1");
        editor = BrowserSupport.chromium();
        BrowserSupport.logIn(editor, url(""), "editor-li", "li-editor-secret-1");
        editor.get(url("/editor/items/social-security-card"));
        WebElement newRow = BrowserSupport.waitOn(editor, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.materials tr.new input[name=name]")));
        BrowserSupport.type(editor, newRow, "户口簿");
        editor.findElement(By.id("save-materials")).click();
        BrowserSupport.waitOn(editor, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("草稿"));
        assertThat(editor.findElement(By.cssSelector("#pending tr[data-field='申请材料'] td.after")).getText()).contains("＋ 户口簿");

        reviewer = BrowserSupport.chromium();
        BrowserSupport.logIn(reviewer, url(""), "reviewer-zheng", "zheng-reviewer-secret-1");
        reviewer.get(url("/editor/review"));
        WebElement row = BrowserSupport.waitOn(reviewer, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.id("pending-social-security-card")));
        row.findElement(By.cssSelector("details.send-back summary")).click();
        // without a comment the browser does not send the form (the server refuses it too)
        row.findElement(By.cssSelector("details.send-back button[type=submit]")).click();
        assertThat(reviewer.getCurrentUrl()).endsWith("/editor/review");
        assertThat(knowledgeEditor.returnedDrafts()).extracting(v -> v.itemId()).doesNotContain("social-security-card");
        BrowserSupport.type(reviewer, row.findElement(By.cssSelector("textarea[name=comment]")), "户口簿只在户籍变更时需要，请写明适用情形后再提交");
        BrowserSupport.screenshot(reviewer, "review-send-back-desktop");
        reviewer.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        ((JavascriptExecutor) reviewer).executeScript("arguments[0].scrollIntoView()", row);
        BrowserSupport.screenshot(reviewer, "review-send-back-phone");
        row.findElement(By.cssSelector("details.send-back button[type=submit]")).click();
        BrowserSupport.waitOn(reviewer, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("已把"));
        assertThat(reviewer.findElement(By.cssSelector(".alert.ok")).getText()).contains("退回给 editor-li");
        assertThat(reviewer.findElements(By.id("pending-social-security-card"))).as("gone from the queue once sent back").isEmpty();

        editor.get(url("/editor"));
        WebElement returned = BrowserSupport.waitOn(editor, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.id("returned-social-security-card")));
        assertThat(returned.getText()).contains("社会保障卡", "您的草稿", "reviewer-zheng", "户口簿只在户籍变更时需要");
        BrowserSupport.screenshot(editor, "editor-returned-list-desktop");
        assertThat(BrowserSupport.accessibilityProblems(editor)).as("list with drafts sent back").isEmpty();
        returned.findElement(By.cssSelector("a")).click();
        WebElement notice = BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("returned")));
        assertThat(notice.getText()).contains("审核退回", "reviewer-zheng", "户口簿只在户籍变更时需要，请写明适用情形后再提交");
        BrowserSupport.screenshot(editor, "editor-returned-item-desktop");
        assertThat(BrowserSupport.accessibilityProblems(editor)).as("item sent back").isEmpty();
        editor.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        editor.navigate().refresh();
        BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("returned")));
        BrowserSupport.screenshot(editor, "editor-returned-item-phone");
        editor.get(url("/editor"));
        BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("returned-social-security-card")));
        BrowserSupport.screenshot(editor, "editor-returned-list-phone");
        assertThat(BrowserSupport.policyViolations(editor)).isEmpty();
    }

    @Test
    void anEmptySearchSaysWhatToTryAtPhoneSize() throws Exception {
        accounts.create("editor-he", "何编辑", Role.EDITOR, "he-editor-secret-1");
        editor = BrowserSupport.chromium();
        editor.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        BrowserSupport.logIn(editor, url(""), "editor-he", "he-editor-secret-1");
        editor.get(url("/editor?q=" + java.net.URLEncoder.encode("狗证怎么办", java.nio.charset.StandardCharsets.UTF_8)));

        WebElement empty = BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("no-match")));
        assertThat(empty.getText()).contains("没有找到与“狗证怎么办”相符的事项", "试试更短的词", "显示全部事项");
        assertThat(editor.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText).contains("试一试", "尚未回答的问题");
        BrowserSupport.screenshot(editor, "editor-empty-search-phone");
        assertThat(BrowserSupport.accessibilityProblems(editor)).as("empty search").isEmpty();
    }
}
