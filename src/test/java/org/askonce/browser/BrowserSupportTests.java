package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.askonce.MiniAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser given back is handed to the next test as if just started: nothing of the last test is left. */
@MiniAppTest
class BrowserSupportTests {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @AfterEach
    void release() {
        BrowserSupport.release(browser);
    }

    private Object run(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void aReleasedBrowserComesBackWithoutStorageCookiesTabsOrItsWindowSize() {
        browser = BrowserSupport.chromium();
        browser.get("http://127.0.0.1:" + port + "/");
        run("localStorage.setItem('askonce.test', 'left over'); sessionStorage.setItem('askonce.test', 'left over');"
                + "document.cookie = 'askonceTest=left-over; path=/';");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.switchTo().newWindow(WindowType.TAB).get("http://127.0.0.1:" + port + "/index.html");
        WebDriver used = browser;
        BrowserSupport.release(browser);

        browser = BrowserSupport.chromium();
        assertThat(browser).as("the same Chromium, not a new one").isSameAs(used);
        assertThat(browser.getWindowHandles()).hasSize(1);
        assertThat(browser.getCurrentUrl()).isEqualTo("about:blank");
        assertThat(browser.manage().window().getSize()).isEqualTo(new Dimension(1280, 900));
        browser.get("http://127.0.0.1:" + port + "/");
        assertThat(run("return localStorage.getItem('askonce.test');")).isNull();
        assertThat(run("return sessionStorage.getItem('askonce.test');")).isNull();
        assertThat((String) run("return document.cookie;")).doesNotContain("askonceTest");
    }
}
