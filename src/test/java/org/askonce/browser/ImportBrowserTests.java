package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reviewer imports part of the real Guangdong catalogue in the console in headless Chromium: the
 * progress page runs to "done", the audit lists the catalogue's gaps, and the web chat tells a
 * citizen which element is not given and where to ask.
 */
// closed after the class: the vectors of the imported catalogue, computed in the background, would otherwise
// take a minute of CPU from the test classes after this one (a closed context stops them)
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:browser-import;DB_CLOSE_DELAY=-1"})
class ImportBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path CATALOGUE = Path.of("training/guangdong/guangdong-service-items.jsonl");

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    org.askonce.knowledge.transfer.KnowledgeTransfer transfer;
    @Autowired
    org.askonce.knowledge.KnowledgeBase knowledgeBase;

    @TempDir
    Path temp;

    private WebDriver reviewer;
    private WebDriver citizen;

    @AfterEach
    void quit() {
        BrowserSupport.release(reviewer, citizen);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void aReviewerImportsACatalogueWatchesItsProgressAndTheAuditAndChatKnowItsGaps() throws Exception {
        accounts.create("reviewer-zhou", "周审核", Role.REVIEWER, "zhou-reviewer-secret-1");
        Path part = temp.resolve("guangdong-part.jsonl");
        Files.write(part, Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8).subList(0, 300), StandardCharsets.UTF_8);
        reviewer = BrowserSupport.chromium();
        BrowserSupport.logIn(reviewer, url(""), "reviewer-zhou", "zhou-reviewer-secret-1");

        reviewer.get(url("/editor"));
        reviewer.findElement(By.cssSelector("details.card summary")).click();
        reviewer.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(part.toAbsolutePath().toString());
        reviewer.findElement(By.cssSelector("form[action='/editor/import'] button[type=submit]")).click();

        BrowserSupport.waitOn(reviewer, WAIT).until(ExpectedConditions.urlContains("/editor/import/"));
        BrowserSupport.waitOn(reviewer, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(reviewer.findElement(By.id("stage")).getText()).isEqualTo("完成");
        assertThat(reviewer.findElement(By.id("imported")).getText()).isEqualTo("300");
        assertThat(reviewer.findElement(By.id("stored")).getText()).isEqualTo("300");
        assertThat(reviewer.findElement(By.id("failed")).isDisplayed()).isFalse();
        BrowserSupport.screenshot(reviewer, "import-done");
        // the imported wordings' sentence vectors follow in the background; the page says when search answers by meaning too
        BrowserSupport.waitOn(reviewer, Duration.ofSeconds(90))
                .until(d -> d.findElement(By.id("semantic-note")).getText().contains("已就绪"));
        assertThat(reviewer.findElement(By.id("embedded")).getText()).isEqualTo(reviewer.findElement(By.id("to-embed")).getText());
        BrowserSupport.screenshot(reviewer, "import-semantic-ready");

        reviewer.findElement(By.linkText("查看知识库核查")).click();
        BrowserSupport.waitOn(reviewer, WAIT).until(ExpectedConditions.urlContains("/editor/audit"));
        assertThat(reviewer.findElement(By.cssSelector("#counts tr[data-check=materials-missing]")).getText()).contains("申请材料缺失");
        assertThat(reviewer.findElement(By.cssSelector("#counts tr[data-check=fee-missing]")).getText()).endsWith("300");
        int findings = Integer.parseInt(reviewer.findElement(By.id("finding-count")).getText());
        assertThat(reviewer.findElements(By.cssSelector("#findings tbody tr"))).as("a page of findings").hasSize(100);
        assertThat(reviewer.findElements(By.cssSelector(".pager"))).as("one pager, under the findings").hasSize(1);
        assertThat(reviewer.findElement(By.cssSelector(".findings .pager")).getText().replaceAll("\\s+", ""))
                .contains("第1/" + ((findings + 99) / 100) + "页");
        BrowserSupport.screenshot(reviewer, "audit-after-import");

        citizen = BrowserSupport.chromium();
        citizen.get(url("/"));
        WebElement input = BrowserSupport.waitOn(citizen, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("text")));
        int before = citizen.findElements(By.cssSelector(".msg.bot")).size();
        BrowserSupport.type(citizen, input, "临时价格干预范围事项提价申报收费吗");
        citizen.findElement(By.id("send")).click();
        BrowserSupport.waitOn(citizen, WAIT).until(d -> d.findElements(By.cssSelector(".msg.bot")).size() > before);
        List<WebElement> bots = citizen.findElements(By.cssSelector(".msg.bot"));
        assertThat(bots.get(bots.size() - 1).getText()).contains("临时价格干预范围事项提价申报", "暂未提供收费信息", "020-34121084");
        BrowserSupport.screenshot(citizen, "webchat-gap");
    }

    @Test
    void aReviewerImportingAFileWithThreeBadCellsSeesAllThreeInChineseAsAFailure() throws Exception {
        accounts.create("reviewer-feng", "冯审核", Role.REVIEWER, "feng-reviewer-secret-1");
        // the template, its example row made into a new item with three bad cells
        Path template = temp.resolve("template.csv");
        transfer.template(template);
        List<List<String>> rows = new java.util.ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.EXCEL.parse(new java.io.StringReader(
                Files.readString(template, StandardCharsets.UTF_8).replace("\uFEFF", "")))) {
            parser.forEach(r -> rows.add(new java.util.ArrayList<>(r.toList())));
        }
        List<String> header = rows.get(0);
        List<String> row = rows.get(1);
        row.set(header.indexOf("编号"), "import-three-bad-cells");
        row.set(header.indexOf("事项名称"), "三处错误的测试事项");
        row.set(header.indexOf("实施部门"), "");
        row.set(header.indexOf("咨询电话"), "1234");
        row.set(header.indexOf("网上办理地址"), "www.zjzwfw.gov.cn");
        Path bad = temp.resolve("三处错误.csv");
        StringBuilder csv = new StringBuilder("\uFEFF");
        try (var printer = new org.apache.commons.csv.CSVPrinter(csv, org.apache.commons.csv.CSVFormat.EXCEL)) {
            for (List<String> r : rows) {
                printer.printRecord(r);
            }
        }
        Files.writeString(bad, csv, StandardCharsets.UTF_8);
        long publication = knowledgeBase.publication();

        reviewer = BrowserSupport.chromium();
        BrowserSupport.logIn(reviewer, url(""), "reviewer-feng", "feng-reviewer-secret-1");
        reviewer.get(url("/editor"));
        reviewer.findElement(By.cssSelector("details.card summary")).click();
        reviewer.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(bad.toAbsolutePath().toString());
        reviewer.findElement(By.cssSelector("form[action='/editor/import'] button[type=submit]")).click();

        BrowserSupport.waitOn(reviewer, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("failed")));
        assertThat(reviewer.findElement(By.id("stage")).getText()).isEqualTo("导入失败");
        assertThat(reviewer.findElement(By.id("bar")).getDomAttribute("class")).contains("failed");
        assertThat(reviewer.findElement(By.id("problem-count")).getText()).isEqualTo("3");
        assertThat(reviewer.findElements(By.cssSelector("#problems li"))).extracting(WebElement::getText).containsExactly(
                "第2行 实施部门：不能为空",
                "第2行 网上办理地址：应为以 http:// 或 https:// 开头的完整网址，现在是“www.zjzwfw.gov.cn”",
                "第2行 咨询电话：“1234”不是有效的电话号码（手机号 11 位；固定电话带区号，如 0571-87654321；服务热线如 12345）");
        assertThat(reviewer.findElement(By.id("done")).isDisplayed()).isFalse();
        // the start time as a clerk in Hangzhou reads the clock (Asia/Shanghai, the default askonce.time-zone), not UTC
        java.time.LocalDateTime started = java.time.LocalDateTime.parse(reviewer.findElement(By.id("started")).getText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(Duration.between(started, java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))).abs())
                .isLessThan(Duration.ofMinutes(2));
        assertThat(knowledgeBase.publication()).isEqualTo(publication);
        assertThat(knowledgeBase.snapshot().item("import-three-bad-cells")).isEmpty();
        BrowserSupport.screenshot(reviewer, "import-failed-desktop");
        assertThat(BrowserSupport.accessibilityProblems(reviewer)).as("failed import").isEmpty();
        reviewer.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        reviewer.navigate().refresh();
        BrowserSupport.waitOn(reviewer, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("failed")));
        assertThat(reviewer.findElements(By.cssSelector("#problems li"))).hasSize(3);
        BrowserSupport.screenshot(reviewer, "import-failed-phone");
    }
}
