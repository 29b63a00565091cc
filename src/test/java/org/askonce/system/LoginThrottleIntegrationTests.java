package org.askonce.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed logins, form and HTTP Basic alike, as staff and an attacker meet them: 10 failures per account
 * (30 per address here) within 15 minutes, then 429 saying so in Chinese, even for the right password,
 * until an admin unlocks the account; every failure logged without the password. Each test fails
 * from its own address, so that the per-address limit of one does not refuse another's logins.
 */
@StaffSecurityTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIntegrationTests {

    private static final String PASSWORD = "throttle-test-key";
    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @LocalServerPort
    int port;

    private String newAgent() {
        String username = "locked-" + USERS.incrementAndGet();
        accounts.create(username, "坐席" + USERS.get(), Role.AGENT, PASSWORD);
        return username;
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf());
    }

    private void failFormLogins(String username, int times, String address) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(login(username, "wrong-guess-" + i).with(from(address))).andExpect(redirectedUrl("/login?error"));
        }
    }

    private void failBasicLogins(String username, int times, String address) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(get("/api/agent/queue").with(httpBasic(username, "wrong-guess-" + i)).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
    }

    @Test
    void tenWrongPasswordsStillLeaveTheRightOneWorking() throws Exception {
        String agent = newAgent();
        failFormLogins(agent, 9, "192.0.2.1");
        mvc.perform(login(agent, PASSWORD).with(from("192.0.2.1"))).andExpect(authenticated());
    }

    @Test
    void afterTenWrongPasswordsTheRightOneIsRefusedWith429() throws Exception {
        String agent = newAgent();
        failFormLogins(agent, 10, "192.0.2.2");
        mvc.perform(login(agent, PASSWORD).with(from("192.0.2.2")))
                .andExpect(status().isTooManyRequests()).andExpect(unauthenticated())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void theLoginPageSaysInChineseThatTheAccountIsLocked() throws Exception {
        String agent = newAgent();
        failFormLogins(agent, 10, "192.0.2.3");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();

        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + agent + "&password=" + PASSWORD + "&_csrf=" + csrfOf(page)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("登录失败次数过多，账号已暂时锁定。请 15 分钟后再试，或请管理员在“用户管理”中解锁。",
                "name=\"username\"").doesNotContain("用户名或密码错误");
    }

    @Test
    void basicAuthenticationIsThrottledToo() throws Exception {
        String agent = newAgent();
        failBasicLogins(agent, 10, "192.0.2.4");
        mvc.perform(get("/api/agent/queue").with(httpBasic(agent, PASSWORD)).with(from("192.0.2.4")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(jsonPath("$.error").value(startsWith("登录失败次数过多，账号已暂时锁定")));
    }

    @Test
    void formAndBasicFailuresCountTogether() throws Exception {
        String agent = newAgent();
        failFormLogins(agent, 5, "192.0.2.5");
        failBasicLogins(agent, 5, "192.0.2.5");
        mvc.perform(login(agent, PASSWORD).with(from("192.0.2.5"))).andExpect(status().isTooManyRequests());
    }

    @Test
    void aLockedAccountIsRefusedFromAnotherAddressToo() throws Exception {
        String agent = newAgent();
        failFormLogins(agent, 10, "192.0.2.6");
        mvc.perform(login(agent, PASSWORD).with(from("198.51.100.6"))).andExpect(status().isTooManyRequests());
    }

    @Test
    void anAdminSeesTheLockAndUnlocksTheAccountOnTheUserPage() throws Exception {
        String agent = newAgent();
        failFormLogins(agent, 10, "192.0.2.7");
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user(StaffSecurityTest.ADMIN)
                .password(StaffSecurityTest.ADMIN_PASSWORD)).andExpect(authenticated()).andReturn().getRequest().getSession(false);
        mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("已锁定"), containsString("action=\"/admin/users/" + agent + "/unlock\""))));

        mvc.perform(post("/admin/users/" + agent + "/unlock").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("message", "已解锁“" + agent + "”，可以立即重新登录"));

        mvc.perform(login(agent, PASSWORD).with(from("192.0.2.7"))).andExpect(authenticated());
    }

    @Test
    void anAdminUnlocksAnAccountThroughTheApi() throws Exception {
        String agent = newAgent();
        failBasicLogins(agent, 10, "192.0.2.8");
        mvc.perform(post("/api/admin/users/" + agent + "/unlock").with(httpBasic(StaffSecurityTest.ADMIN, StaffSecurityTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(agent));
        mvc.perform(get("/api/agent/queue").with(httpBasic(agent, PASSWORD)).with(from("192.0.2.8"))).andExpect(status().isOk());
    }

    @Test
    void unlockingAnUnknownAccountIs404() throws Exception {
        mvc.perform(post("/api/admin/users/nobody-locked/unlock").with(httpBasic(StaffSecurityTest.ADMIN, StaffSecurityTest.ADMIN_PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value(containsString("nobody-locked")));
    }

    @Test
    void anAddressTryingManyUsernamesIsRefusedWith429() throws Exception {
        for (int i = 0; i < 30; i++) {
            failFormLogins("sprayed-" + i, 1, "192.0.2.9");
        }
        String agent = newAgent();
        mvc.perform(get("/api/agent/queue").with(httpBasic(agent, PASSWORD)).with(from("192.0.2.9")))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.error").value(startsWith("这个网络地址登录失败次数过多")));
        mvc.perform(get("/api/agent/queue").with(httpBasic(agent, PASSWORD)).with(from("198.51.100.9"))).andExpect(status().isOk());
    }

    @Test
    void aFailedLoginIsLoggedWithUsernameAndAddressButNotThePassword(CapturedOutput output) throws Exception {
        String agent = newAgent();
        mvc.perform(login(agent, "Typo-In-Secret-4711").with(from("192.0.2.10"))).andExpect(redirectedUrl("/login?error"));
        assertThat(output).containsPattern("WARN .*Login failed for user " + agent + " from 192\\.0\\.2\\.10")
                .doesNotContain("Typo-In-Secret-4711");
    }

    @Test
    void aRefusedLoginIsLoggedToo(CapturedOutput output) throws Exception {
        String agent = newAgent();
        failBasicLogins(agent, 10, "192.0.2.11");
        mvc.perform(get("/api/agent/queue").with(httpBasic(agent, PASSWORD)).with(from("192.0.2.11")));
        assertThat(output).containsPattern("WARN .*Login refused for user " + agent + " from 192\\.0\\.2\\.11: account locked")
                .doesNotContain(PASSWORD);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
}
