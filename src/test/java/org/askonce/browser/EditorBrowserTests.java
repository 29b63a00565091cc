package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An editor changes an item's materials in the editor console, publishes, and the web chat answers with the new materials. */
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

    private WebDriver editor;
    private WebDriver citizen;

    @AfterEach
    void quit() {
        if (editor != null) {
            editor.quit();
        }
        if (citizen != null) {
            citizen.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anEditorChangesTheMaterialsAndPublishesAndTheWebChatAnswersWithThem() throws Exception {
        accounts.create("editor-zhao", "赵编辑", Role.EDITOR, "editor-zhao-password");
        editor = BrowserSupport.chromium();
        BrowserSupport.logIn(editor, url(""), "editor-zhao", "editor-zhao-password");
        assertThat(editor.getCurrentUrl()).endsWith("/editor");
        BrowserSupport.screenshot(editor, "editor-items");

        editor.findElement(By.linkText("养犬登记（犬证办理）")).click();
        WebElement newRow = new WebDriverWait(editor, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.materials tr.new input[name=name]")));
        BrowserSupport.type(editor, newRow, "犬只芯片植入证明");
        editor.findElement(By.id("save-materials")).click();
        new WebDriverWait(editor, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("草稿"));
        editor.findElement(By.cssSelector("button.publish")).click();
        new WebDriverWait(editor, WAIT).until(d -> d.findElement(By.cssSelector(".alert.ok")).getText().contains("已发布"));
        editor.findElement(By.linkText("与上一版比较")).click();
        new WebDriverWait(editor, WAIT).until(d -> d.findElement(By.cssSelector("td.after")).getText().contains("犬只芯片植入证明"));
        BrowserSupport.screenshot(editor, "editor-item");

        citizen = BrowserSupport.chromium();
        citizen.get(url("/"));
        String answer = "";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!answer.contains("犬只芯片植入证明") && System.nanoTime() < deadline) {
            int before = citizen.findElements(By.cssSelector(".msg.bot")).size();
            WebElement input = citizen.findElement(By.id("text"));
            BrowserSupport.type(citizen, input, "狗证要带什么材料");
            citizen.findElement(By.id("send")).click();
            new WebDriverWait(citizen, WAIT).until(d -> d.findElements(By.cssSelector(".msg.bot")).size() > before);
            List<WebElement> bots = citizen.findElements(By.cssSelector(".msg.bot"));
            answer = bots.get(bots.size() - 1).getText();
        }
        assertThat(answer).contains("犬只芯片植入证明");
        BrowserSupport.screenshot(citizen, "webchat-new-materials");
    }
}
