package org.askonce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser asking for a page that does not exist, or with a bad parameter, gets a Chinese error page with the right
 * status; a program calling the API gets the same mistake as Chinese JSON. {@code GET /logout} asks before logging out.
 */
@MiniAppTest
class ErrorPagesIntegrationTests {

    private static final String PASSWORD = "quiet-lantern-37x";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeEach
    void logIn() throws Exception {
        if (accounts.find("pages-editor").isEmpty()) {
            accounts.create("pages-editor", "页面编辑", Role.EDITOR, PASSWORD);
        }
        String login = page("/login").body();
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=pages-editor&password=" + PASSWORD + "&_csrf=" + csrfOf(login)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownPageIsAChinesePageNotFound() throws Exception {
        HttpResponse<String> response = page("/editor/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("页面不存在", "/editor/no-such-page", "回到智能咨询首页").doesNotContain("Whitelabel", "\"error\"");
    }

    @Test
    void aPageWithABadParameterIsAChineseBadRequestPage() throws Exception {
        HttpResponse<String> response = page("/editor?page=first");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("请求有误", "参数 page 的值“first”格式不对，应为数字").doesNotContain("Whitelabel", "Bad Request");
    }

    @Test
    void anUnknownApiAddressIsChineseJson() throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/api/editor/no-such-thing"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"没有这个地址：/api/editor/no-such-thing\"}");
    }

    @Test
    void openingTheLogoutAddressAsksFirst() throws Exception {
        HttpResponse<String> response = page("/logout");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("退出登录", "确定要退出吗", "id=\"confirm-logout\"");
        assertThat(page("/editor").statusCode()).as("still logged in").isEqualTo(200);
    }

    private HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(m.group(1) != null ? m.group(1) : m.group(2), StandardCharsets.UTF_8);
    }
}
