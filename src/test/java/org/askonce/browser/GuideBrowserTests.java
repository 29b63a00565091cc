package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.askonce.guide.GuideFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guide page as a citizen uses it on a phone (ticking materials, the next page of halls, their
 * district first), on a desk, and printed on A4: screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GuideFixture.KB, GuideFixture.TRAINING, GuideFixture.DB, GuideFixture.PUBLIC_BASE_URL, GuideFixture.WECHAT_APP_ID,
    GuideFixture.WECHAT_SECRET, GuideFixture.WECHAT_TOKEN, GuideFixture.WECHAT_AES_KEY, GuideFixture.NO_OUTBOX})
class GuideBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern PDF_PAGE = Pattern.compile("/Type\\s*/Page[^s]");

    @LocalServerPort
    int port;

    private WebDriver citizen;

    @AfterEach
    void quit() {
        BrowserSupport.release(citizen);
    }

    private WebDriver phone() {
        WebDriver browser = BrowserSupport.chromium();
        browser.manage().window().setSize(new Dimension(390, 844));
        return browser;
    }

    private void open(String path) {
        citizen.get("http://127.0.0.1:" + port + path);
        BrowserSupport.waitOn(citizen, WAIT).until(d -> !d.findElements(By.tagName("h1")).isEmpty());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) citizen).executeScript(script, args);
    }

    private List<String> shownHalls() {
        return citizen.findElements(By.cssSelector(".hall")).stream().filter(WebElement::isDisplayed)
                .map(h -> h.findElement(By.tagName("h3")).getText()).toList();
    }

    @Test
    void onAPhoneTheMaterialsAreTickedOffAndNothingIsWiderThanTheScreen() throws Exception {
        citizen = phone();
        open("/guide/dog-registration");
        BrowserSupport.screenshot(citizen, "guide-phone-top");
        assertThat(BrowserSupport.policyViolations(citizen)).isEmpty();
        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);

        WebElement first = citizen.findElement(By.cssSelector("label[for=m1]"));
        first.click();
        assertThat(citizen.findElement(By.id("m1")).isSelected()).isTrue();
        assertThat(first.getCssValue("text-decoration-line")).isEqualTo("line-through");
        assertThat(citizen.findElement(By.id("print")).isDisplayed()).isTrue();
        BrowserSupport.screenshot(citizen, "guide-phone-ticked");

        js("document.getElementById('halls').scrollIntoView()");
        BrowserSupport.screenshot(citizen, "guide-phone-halls");
        WebElement call = citizen.findElement(By.cssSelector("#halls a[href^='tel:']"));
        assertThat(call.getAttribute("href")).isEqualTo("tel:057187280110");
        assertThat(BrowserSupport.accessibilityProblems(citizen)).isEmpty();
    }

    @Test
    void onAPhoneTheCitizensDistrictComesFirstAndMoreHallsAreOnTheNextPage() throws Exception {
        citizen = phone();
        open("/guide/" + GuideFixture.MANY_HALLS);
        new org.openqa.selenium.support.ui.Select(citizen.findElement(By.id("district"))).selectByValue("萧山区");
        citizen.findElement(By.cssSelector("form.district button")).click();
        BrowserSupport.waitOn(citizen, WAIT).until(d -> d.getCurrentUrl().contains("district="));
        List<String> first = shownHalls();
        assertThat(first).hasSize(10);
        assertThat(first.subList(0, 3)).allMatch(h -> h.startsWith("萧山第") && h.endsWith("萧山区"));
        js("document.getElementById('halls').scrollIntoView()");
        BrowserSupport.screenshot(citizen, "guide-phone-district");

        citizen.findElement(By.linkText("更多办理地点（第11–20处）")).click();
        BrowserSupport.waitOn(citizen, WAIT).until(d -> d.getCurrentUrl().contains("halls=2"));
        List<String> second = shownHalls();
        assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
        assertThat(citizen.findElement(By.cssSelector(".range")).getText()).isEqualTo("第11–20处，共37处（萧山区的在前）");
        BrowserSupport.screenshot(citizen, "guide-phone-halls-page-2");
        assertThat(BrowserSupport.policyViolations(citizen)).isEmpty();
        assertThat(BrowserSupport.accessibilityProblems(citizen)).isEmpty();
    }

    @Test
    void anItemThatDoesNotExistSaysSoInChineseAndWhereToAsk() throws Exception {
        citizen = phone();
        open("/guide/no-such-item");
        assertThat(citizen.findElement(By.tagName("h1")).getText()).isEqualTo("没有找到这个办事指南");
        assertThat(citizen.findElement(By.linkText("在线问“最多问一次”")).getAttribute("href")).endsWith("/");
        assertThat(BrowserSupport.policyViolations(citizen)).isEmpty();
        assertThat(BrowserSupport.accessibilityProblems(citizen)).isEmpty();
        BrowserSupport.screenshot(citizen, "guide-phone-not-found");
    }

    @Test
    void onADeskTheGuideReadsInOneColumnWithItsQrCode() throws Exception {
        citizen = BrowserSupport.chromium();
        open("/guide/dog-registration");
        BrowserSupport.screenshot(citizen, "guide-desktop");
        WebElement qr = citizen.findElement(By.cssSelector(".qr img"));
        js("arguments[0].scrollIntoView()", qr);
        assertThat(((Number) js("return arguments[0].naturalWidth", qr)).intValue()).isPositive(); // the SVG loaded under the CSP
        BrowserSupport.screenshot(citizen, "guide-desktop-qr");
    }

    @Test
    void printedEveryHallIsThereAndTheScreenOnlyPartsAreNot() throws Exception {
        citizen = BrowserSupport.chromium();
        citizen.manage().window().setSize(new Dimension(794, 1123)); // A4 at 96 dpi
        open("/guide/" + GuideFixture.MANY_HALLS);
        ((ChromeDriver) citizen).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(shownHalls()).hasSize(37);
        for (String screenOnly : List.of(".top", ".toc", "form.district", ".pages")) {
            assertThat(citizen.findElement(By.cssSelector(screenOnly)).isDisplayed()).as(screenOnly).isFalse();
        }
        assertThat(citizen.findElement(By.cssSelector(".qr img")).isDisplayed()).isTrue();
        BrowserSupport.screenshot(citizen, "guide-print-a4");
    }

    @Test
    void theGuideOfAnItemPrintsOnTwoA4PagesOrFewer() throws Exception {
        citizen = BrowserSupport.chromium();
        open("/guide/dog-registration");
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        byte[] pdf = Base64.getDecoder().decode(((ChromeDriver) citizen).print(a4).getContent());
        Path file = Path.of("target", "screenshots", "guide-dog-registration.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
        long pages = PDF_PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().count();
        System.out.println("printed guide: " + file.toAbsolutePath() + ", " + pages + " A4 pages");
        assertThat(pages).isBetween(1L, 2L);
    }
}
