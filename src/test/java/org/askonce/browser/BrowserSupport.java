package org.askonce.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium (no driver is downloaded: the installed chromedriver
 * is used). Without Chromium the browser tests are skipped with a message, except on CI
 * ({@code CI=true}), where {@code .ci/run} installs it and a missing browser is a failure.
 *
 * <p>Starting Chromium takes one to two seconds of both cores, so a test JVM keeps the browsers it
 * started: {@link #release} wipes one (cookies, storage and cache of every origin it was on, window
 * size, emulated media, extra tabs, console log) and the next {@link #chromium()} gets it back as new.
 */
public final class BrowserSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Dimension WINDOW = new Dimension(1280, 900);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();
    private static final List<ChromeDriver> STARTED = new ArrayList<>();
    private static final Set<String> ORIGINS = ConcurrentHashMap.newKeySet();

    private BrowserSupport() {
    }

    /** A browser as if just started: from the ones this JVM started and released, or a new one. */
    public static synchronized WebDriver chromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            String why = "headless Chromium is not installed (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + " - on CI it is required");
            }
            Assumptions.abort(why + ": browser test skipped");
        }
        ChromeDriver idle = IDLE.poll();
        if (idle != null) {
            return idle;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=" + WINDOW.width + "," + WINDOW.height, "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL")); // for policyViolations
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        if (STARTED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(BrowserSupport::quitStarted));
        }
        STARTED.add(driver);
        return driver;
    }

    /**
     * What the browser's console reported as refused by the Content-Security-Policy (an inline script or
     * style, a resource from elsewhere) since the last call.
     */
    public static List<String> policyViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    /**
     * The serious and critical accessibility problems axe-core (Deque) finds on the page as it is now, against
     * WCAG 2.1 A and AA (contrast, labels, names, landmarks...): one line per rule, with the elements it found.
     */
    public static List<String> accessibilityProblems(WebDriver browser) {
        com.deque.html.axecore.args.AxeRunOnlyOptions wcag = new com.deque.html.axecore.args.AxeRunOnlyOptions();
        wcag.setType("tag");
        wcag.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setRunOnly(wcag);
        options.setResultTypes(List.of("violations")); // passes are not read: axe lists only one node each
        // the pages have no frames: axe runs in the page itself rather than finishing in a second window
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withOptions(options).setLegacyMode(true).analyze(browser);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).toList())
                .toList();
    }

    /**
     * Gives back every browser a test opened (null: not opened), wiped for the next test; one that
     * cannot be wiped (an alert left open, a crashed tab) is quit.
     */
    public static void release(WebDriver... browsers) {
        for (WebDriver browser : browsers) {
            if (browser != null) {
                ChromeDriver chrome = (ChromeDriver) browser;
                try {
                    wipe(chrome);
                    synchronized (BrowserSupport.class) {
                        IDLE.push(chrome);
                    }
                } catch (WebDriverException e) {
                    quit(chrome);
                }
            }
        }
    }

    private static void wipe(ChromeDriver chrome) {
        List<String> tabs = new ArrayList<>(chrome.getWindowHandles());
        for (String tab : tabs.subList(1, tabs.size())) {
            remember(chrome.switchTo().window(tab).getCurrentUrl());
            chrome.close();
        }
        chrome.switchTo().window(tabs.get(0));
        remember(chrome.getCurrentUrl());
        chrome.get("about:blank");
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String origin : ORIGINS) {
            chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        chrome.manage().window().setSize(WINDOW);
        chrome.manage().logs().get(LogType.BROWSER); // reading the log empties it
    }

    private static void remember(String url) {
        java.net.URI uri = java.net.URI.create(url);
        if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
            ORIGINS.add(uri.getScheme() + "://" + uri.getAuthority());
        }
    }

    private static synchronized void quit(ChromeDriver chrome) {
        STARTED.remove(chrome);
        try {
            chrome.quit();
        } catch (WebDriverException ignored) {
            // it is gone already
        }
    }

    private static synchronized void quitStarted() {
        for (ChromeDriver chrome : List.copyOf(STARTED)) {
            quit(chrome);
        }
    }

    /** Logs in on the staff login page of the server at {@code baseUrl} and waits until it has moved on. */
    public static void logIn(WebDriver browser, String baseUrl, String username, String password) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitOn(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Types into a field. Chinese is entered through an input method, which WebDriver cannot drive:
     * the text is set as the input method would leave it, and an input event fired.
     */
    public static void type(WebDriver browser, WebElement field, String text) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[0].value + arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                field, text);
    }

    /**
     * A wait that also retries when the page re-rendered an element between finding and reading it
     * (consoles refresh parts of the page as events arrive).
     */
    public static WebDriverWait waitOn(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, POLL);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Saves a screenshot under target/screenshots and returns its path. */
    public static Path screenshot(WebDriver driver, String name) throws java.io.IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("screenshot: " + file.toAbsolutePath());
        return file;
    }
}
