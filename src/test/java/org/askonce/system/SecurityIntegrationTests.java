package org.askonce.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.not;
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
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who may open what, as staff and API callers meet it: the first admin from the settings, form
 * login and HTTP Basic, roles, CSRF, JSON 401/403 on the API, and the citizens' side still open.
 */
@StaffSecurityTest
class SecurityIntegrationTests {

    static final String ADMIN = StaffSecurityTest.ADMIN;
    static final String ADMIN_PASSWORD = StaffSecurityTest.ADMIN_PASSWORD;
    private static final String AGENT_PASSWORD = "agent-password-1";
    private static final AtomicInteger AGENTS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private String newAgent() {
        String username = "agent-" + AGENTS.incrementAndGet();
        accounts.create(username, "坐席" + AGENTS.get(), Role.AGENT, AGENT_PASSWORD);
        return username;
    }

    private MockHttpSession loginAsAdmin() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD)).andExpect(authenticated()).andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    @Test
    void theFirstAdminIsCreatedFromTheSettings() {
        assertThat(accounts.find(ADMIN)).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.ADMIN);
            assertThat(a.enabled()).isTrue();
        });
    }

    @Test
    void passwordsAreStoredHashed() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(ADMIN).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void theLoginPageIsInChinese() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("用户名"), containsString("密码"),
                        containsString("登录"), containsString("name=\"_csrf\""))));
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithTheError() throws Exception {
        mvc.perform(formLogin("/login").user(ADMIN).password("not-the-password"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("用户名或密码错误")));
    }

    @Test
    void anAdminLandsOnUserManagementAnAgentOnTheConsole() throws Exception {
        mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD)).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin("/login").user(newAgent()).password(AGENT_PASSWORD)).andExpect(redirectedUrl("/console"));
    }

    @Test
    void anEditorLandsOnTheKnowledgeEditor() throws Exception {
        accounts.create("editor-1", "编辑", Role.EDITOR, "editor-password");
        mvc.perform(formLogin("/login").user("editor-1").password("editor-password")).andExpect(redirectedUrl("/editor"));
        mvc.perform(get("/admin/users").with(httpBasic("editor-1", "editor-password"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/agent/queue").with(httpBasic("editor-1", "editor-password"))).andExpect(status().isForbidden());
    }

    @Test
    void aPageNeedsALoginAndRedirectsToIt() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/console")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void theApiWithoutLoginIs401JsonWithoutAPasswordDialog() throws Exception {
        mvc.perform(get("/api/agent/queue")).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("需要登录"));
    }

    @Test
    void wrongBasicCredentialsOnTheApiAre401JsonWithoutAPasswordDialog() throws Exception {
        mvc.perform(get("/api/admin/users").with(httpBasic(ADMIN, "wrong-password-1"))).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate")).andExpect(jsonPath("$.error").value("需要登录"));
    }

    @Test
    void wrongBasicCredentialsOnAPageAre401WithoutAPasswordDialog() throws Exception {
        mvc.perform(get("/admin/users").with(httpBasic(ADMIN, "wrong-password-2"))).andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void anAgentCannotOpenUserManagement() throws Exception {
        String agent = newAgent();
        mvc.perform(get("/admin/users").with(httpBasic(agent, AGENT_PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void anAgentCannotCallTheAdminApi() throws Exception {
        String agent = newAgent();
        mvc.perform(get("/api/admin/users").with(httpBasic(agent, AGENT_PASSWORD))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("没有权限"));
    }

    @Test
    void theForbiddenPageIsInChinese() throws Exception {
        String agent = newAgent();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/users"))
                .header("Accept", "text/html")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((agent + ":" + AGENT_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("没有权限", "坐席工作台").doesNotContain("用户管理</a>");
    }

    @Test
    void anAdminCreatesAnAgentWithTheFormWhoCanThenUseTheAgentApi() throws Exception {
        MockHttpSession admin = loginAsAdmin();
        mvc.perform(post("/admin/users").session(admin).with(csrf())
                        .param("username", "form-agent").param("displayName", "表单坐席").param("role", "AGENT")
                        .param("password", "agent-via-form-1").param("passwordAgain", "agent-via-form-1"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("form-agent"),
                        containsString("表单坐席"), containsString("坐席"))));
        int agentApi = mvc.perform(get("/api/agent/queue").with(httpBasic("form-agent", "agent-via-form-1"))).andReturn().getResponse().getStatus();
        assertThat(agentApi).as("the new agent is let in to the queue").isEqualTo(200);
    }

    @Test
    void anAdminCreatesAReviewerWithTheFormWhoLandsOnTheEditorAndMayPublish() throws Exception {
        MockHttpSession admin = loginAsAdmin();
        mvc.perform(get("/admin/users").session(admin))
                .andExpect(content().string(allOf(containsString("<option value=\"REVIEWER\">审核发布</option>"),
                        containsString("并可发布、回滚和导入知识"))));
        mvc.perform(post("/admin/users").session(admin).with(csrf())
                        .param("username", "form-reviewer").param("displayName", "表单审核").param("role", "REVIEWER")
                        .param("password", "reviewer-via-form-1").param("passwordAgain", "reviewer-via-form-1"))
                .andExpect(status().isFound()).andExpect(flash().attribute("message", "已创建审核发布“form-reviewer”"));

        assertThat(accounts.find("form-reviewer")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.REVIEWER));
        mvc.perform(formLogin("/login").user("form-reviewer").password("reviewer-via-form-1")).andExpect(redirectedUrl("/editor"));
        mvc.perform(post("/api/editor/items/no-such-item/versions/1/publish").with(httpBasic("form-reviewer", "reviewer-via-form-1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(containsString("no-such-item")));
        mvc.perform(get("/admin/users").with(httpBasic("form-reviewer", "reviewer-via-form-1"))).andExpect(status().isForbidden());
    }

    @Test
    void anAdminCreatesAReviewerThroughTheApi() throws Exception {
        mvc.perform(post("/api/admin/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"api-reviewer\",\"displayName\":\"接口审核\",\"role\":\"REVIEWER\",\"password\":\"reviewer-via-api-1\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.role").value("REVIEWER"));
        mvc.perform(get("/api/editor/review").with(httpBasic("api-reviewer", "reviewer-via-api-1"))).andExpect(status().isOk());
    }

    @Test
    void anEditorIsRefusedPublishingByApiWithTheReason() throws Exception {
        accounts.create("editor-2", "编辑二", Role.EDITOR, "second-editor-pw");
        mvc.perform(post("/api/editor/items/no-such-item/versions/1/publish").with(httpBasic("editor-2", "second-editor-pw")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value(startsWith("没有发布权限")));
    }

    @Test
    void aRefusedFormShowsWhyAndKeepsTheValuesButNotThePasswords() throws Exception {
        MockHttpSession admin = loginAsAdmin();
        mvc.perform(post("/admin/users").session(admin).with(csrf())
                        .param("username", "kept-name").param("displayName", "保留的姓名").param("role", "EDITOR")
                        .param("password", "first-secret-1").param("passwordAgain", "other-secret-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("两次输入的密码不一致"),
                        containsString("value=\"kept-name\""), containsString("value=\"保留的姓名\""),
                        containsString("value=\"EDITOR\" selected"),
                        not(containsString("first-secret-1")))));
        assertThat(accounts.find("kept-name")).isEmpty();
    }

    @Test
    void theUserFormSaysInChineseWhyACommonPasswordIsRefused() throws Exception {
        mvc.perform(post("/admin/users").session(loginAsAdmin()).with(csrf())
                        .param("username", "weak-pw").param("displayName", "弱密码").param("role", "AGENT")
                        .param("password", "qwerty123456").param("passwordAgain", "qwerty123456"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("这个密码太常见，很容易被猜中，请换一个")));
        assertThat(accounts.find("weak-pw")).isEmpty();
    }

    @Test
    void theNewPasswordFormSaysInChineseThatItMayNotContainTheUsername() throws Exception {
        String agent = newAgent();
        mvc.perform(post("/admin/users/" + agent + "/password").session(loginAsAdmin()).with(csrf())
                        .param("password", agent + "-new-secret").param("passwordAgain", agent + "-new-secret"))
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("error", "密码不能包含用户名"));
        mvc.perform(formLogin("/login").user(agent).password(AGENT_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void theAdminApiRefusesAPasswordOfOneRepeatedCharacter() throws Exception {
        mvc.perform(post("/api/admin/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"spaces-pw\",\"displayName\":\"空格密码\",\"role\":\"AGENT\",\"password\":\"            \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("密码不能全是同一个字符"));
        assertThat(accounts.find("spaces-pw")).isEmpty();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRejected() throws Exception {
        MockHttpSession admin = loginAsAdmin();
        mvc.perform(post("/admin/users").session(admin)
                        .param("username", "no-csrf").param("displayName", "无令牌").param("role", "AGENT")
                        .param("password", "forged-form-pass-1").param("passwordAgain", "forged-form-pass-1"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find("no-csrf")).isEmpty();
    }

    @Test
    void aSessionApiCallWithoutTheCsrfTokenIsRejectedAsJson() throws Exception {
        MockHttpSession admin = loginAsAdmin();
        mvc.perform(post("/api/admin/users").session(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"no-csrf-api\",\"displayName\":\"无令牌\",\"role\":\"AGENT\",\"password\":\"forged-form-pass-1\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").exists());
        assertThat(accounts.find("no-csrf-api")).isEmpty();
    }

    @Test
    void aForgedCrossSiteFormRidingOnTheSessionCookieIsRefusedWhateverAuthorizationHeaderItAdds() throws Exception {
        String agent = newAgent();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> loggedIn = browser.send(form("/login", "username=" + ADMIN + "&password=" + ADMIN_PASSWORD
                + "&_csrf=" + csrfOf(login)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/users"));

        HttpResponse<String> forged = browser.send(form("/api/admin/users/" + agent + "/disable", "x=1")
                .header("Authorization", "Bearer x").header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(accounts.find(agent).orElseThrow().enabled()).isTrue();
    }

    @Test
    void aSessionCallWithBasicCredentialsOfAnotherAdminStillNeedsTheCsrfToken() throws Exception {
        String agent = newAgent();
        accounts.create("second-admin", "管理员二", Role.ADMIN, "another-admin-key");
        mvc.perform(post("/api/admin/users/" + agent + "/disable").session(loginAsAdmin()).with(httpBasic("second-admin", "another-admin-key")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value(startsWith("缺少有效的 CSRF 令牌")));
        assertThat(accounts.find(agent).orElseThrow().enabled()).isTrue();
    }

    @Test
    void aBasicCallFromAnotherSitesPageNeedsTheCsrfToken() throws Exception {
        String agent = newAgent();
        mvc.perform(post("/api/admin/users/" + agent + "/disable").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .header("Origin", "https://evil.example").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("x=1"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value(startsWith("缺少有效的 CSRF 令牌")));
        mvc.perform(post("/api/admin/users/" + agent + "/disable").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find(agent).orElseThrow().enabled()).isTrue();
    }

    @Test
    void aBasicFormCallOutsideTheApiNeedsTheCsrfToken() throws Exception {
        String agent = newAgent();
        mvc.perform(post("/admin/users/" + agent + "/disable").with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isForbidden());
        assertThat(accounts.find(agent).orElseThrow().enabled()).isTrue();
    }

    @Test
    void anAdminCreatesAnAgentThroughTheApiWithBasicWhoCanThenUseTheAgentApi() throws Exception {
        mvc.perform(post("/api/admin/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"api-agent\",\"displayName\":\"接口坐席\",\"role\":\"AGENT\",\"password\":\"agent-via-api-1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("api-agent"))
                .andExpect(jsonPath("$.displayName").value("接口坐席"))
                .andExpect(jsonPath("$.role").value("AGENT"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(content().string(not(containsStringIgnoringCase("password"))));
        int agentApi = mvc.perform(post("/api/agent/conversations/x/reply").with(httpBasic("api-agent", "agent-via-api-1"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus();
        assertThat(agentApi).as("let in without a CSRF token: the empty reply is refused as bad input, not as forbidden").isEqualTo(400);
    }

    @Test
    void theAdminApiRefusesATakenUsernameWith409() throws Exception {
        String agent = newAgent();
        mvc.perform(post("/api/admin/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + agent + "\",\"displayName\":\"重名\",\"role\":\"AGENT\",\"password\":\"another-pass-1\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("用户名“" + agent + "”已被使用"));
    }

    @Test
    void theAdminApiRefusesBadInputWith400() throws Exception {
        mvc.perform(post("/api/admin/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"short-pw\",\"displayName\":\"短密码\",\"role\":\"AGENT\",\"password\":\"123\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("密码至少 12 个字符"));
        mvc.perform(post("/api/admin/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"bad-role\",\"displayName\":\"坏角色\",\"role\":\"BOSS\",\"password\":\"long-enough-1\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(allOf(containsString("BOSS"), containsString("REVIEWER"))));
    }

    @Test
    void theAdminApiListsAccountsWithoutHashes() throws Exception {
        mvc.perform(get("/api/admin/users").with(httpBasic(ADMIN, ADMIN_PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '" + ADMIN + "')].role").value("ADMIN"))
                .andExpect(content().string(not(containsString("bcrypt"))));
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        String agent = newAgent();
        mvc.perform(post("/api/admin/users/" + agent + "/disable").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/agent/queue").with(httpBasic(agent, AGENT_PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login").user(agent).password(AGENT_PASSWORD)).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/api/admin/users/" + agent + "/enable").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(formLogin("/login").user(agent).password(AGENT_PASSWORD)).andExpect(authenticated());
    }

    /** Over HTTP the acting admin is always enabled, so the last admin could only disable themself (see UserAccountsContractTests). */
    @Test
    void anAdminCannotDisableThemselfSoTheLastAdminStays() throws Exception {
        mvc.perform(post("/api/admin/users/" + ADMIN + "/disable").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("不能停用自己的账号"));
        MockHttpSession admin = loginAsAdmin();
        mvc.perform(post("/admin/users/" + ADMIN + "/disable").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("error", "不能停用自己的账号"));
        assertThat(accounts.find(ADMIN).orElseThrow().enabled()).isTrue();
    }

    @Test
    void disablingAnUnknownUserIs404() throws Exception {
        mvc.perform(post("/api/admin/users/nobody-here/disable").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value(containsString("nobody-here")));
    }

    @Test
    void logoutGoesBackToTheLoginPage() throws Exception {
        MockHttpSession admin = loginAsAdmin();
        mvc.perform(post("/logout").session(admin).with(csrf())).andExpect(redirectedUrl("/login?logout")).andExpect(unauthenticated());
    }

    @Test
    void staffPagesCarryTheCsrfMetaTagsAndTheNavigation() throws Exception {
        mvc.perform(get("/admin/users").session(loginAsAdmin())).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<meta name=\"_csrf\" content=\""),
                        containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">"),
                        containsString("href=\"/console\">坐席工作台"),
                        containsString("href=\"/admin/users\">用户管理"),
                        containsString("href=\"/editor\">知识库"),
                        containsString("管理员"),
                        containsString("action=\"/logout\""))));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void theWechatSimulatorIsOffUnlessEnabled() throws Exception {
        mvc.perform(get("/wx/simulator")).andExpect(status().isNotFound());
        mvc.perform(get("/wx/simulator/pushes").param("user", "demo-user")).andExpect(status().isNotFound());
        mvc.perform(post("/wx/simulator/send").contentType(MediaType.APPLICATION_JSON).content("{\"user\":\"x\",\"type\":\"text\",\"content\":\"你好\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theChatApiAndWechatNeedNoLoginAndNoCsrfToken() throws Exception {
        mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON).content("{\"userId\":\"sec-1\",\"text\":\"狗证要带什么材料\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.action").value("ANSWER"));
        // an unknown official account: refused by the WeChat channel itself, not by the login
        mvc.perform(post("/wx/portal/wxunknown000001").contentType(MediaType.TEXT_XML).content("<xml></xml>"))
                .andExpect(status().isForbidden()).andExpect(content().string(startsWith("forbidden")));
        mvc.perform(get("/")).andExpect(status().isOk());
        mvc.perform(get("/css/staff.css")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
