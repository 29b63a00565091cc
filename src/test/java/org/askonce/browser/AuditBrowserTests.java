package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The knowledge audit in real headless Chromium: an editor asks for the audit page, logs in, sees
 * the counts and the findings of the fixture knowledge base, and narrows the list to one check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/audit/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:browser-audit;DB_CLOSE_DELAY=-1"})
class AuditBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    private WebDriver editor;

    @AfterEach
    void quit() {
        BrowserSupport.release(editor);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anEditorOpensTheAuditAndNarrowsItToOneCheck() throws Exception {
        accounts.create("editor-wang", "王编辑", Role.EDITOR, "wang-editor-secret-1");
        editor = BrowserSupport.chromium();

        editor.get(url("/editor/audit"));
        BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.urlContains("/login"));
        editor.findElement(By.id("username")).sendKeys("editor-wang");
        editor.findElement(By.id("password")).sendKeys("wang-editor-secret-1");
        editor.findElement(By.cssSelector("form button[type=submit]")).click();
        BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.urlContains("/editor/audit"));

        assertThat(editor.findElement(By.tagName("h1")).getText()).isEqualTo("知识库核查");
        assertThat(editor.findElement(By.id("finding-count")).getText()).isEqualTo("2");
        assertThat(editor.findElement(By.cssSelector("#counts tr[data-check=consult-phone-missing]")).getText())
                .contains("咨询电话缺失").endsWith("1");
        assertThat(editor.findElement(By.id("findings")).getText())
                .contains("养犬登记（犬证办理）", "杭州市公安局", "咨询电话为占位值“暂无”", "上次复核于2020-01-01");
        BrowserSupport.screenshot(editor, "audit");

        new Select(editor.findElement(By.id("check"))).selectByValue("review-overdue");
        editor.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.urlContains("check=review-overdue"));
        assertThat(editor.findElements(By.cssSelector("#findings tbody tr"))).hasSize(1);
        assertThat(editor.findElement(By.id("findings")).getText()).contains("社会保障卡（市民卡）申领").doesNotContain("暂无");
        assertThat(editor.findElement(By.id("export")).getAttribute("href")).endsWith("/editor/audit.csv?check=review-overdue");
        BrowserSupport.screenshot(editor, "audit-filtered");
    }
}
