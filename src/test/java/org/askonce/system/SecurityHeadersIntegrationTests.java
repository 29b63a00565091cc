package org.askonce.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every response tells the browser: the Content-Security-Policy and Referrer-Policy on both the
 * citizens' and the staff side, and a session cookie that other sites' forms and scripts cannot use.
 */
@StaffSecurityTest
class SecurityHeadersIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ServletWebServerApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void thePolicyAllowsNoInlineScriptOrStyleAndNoOtherSite() {
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    @Test
    void staffPagesCarryTheContentSecurityPolicy() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY));
    }

    @Test
    void theCitizensChatPageCarriesTheContentSecurityPolicy() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY));
    }

    @Test
    void anApiRefusalCarriesTheContentSecurityPolicyToo() throws Exception {
        mvc.perform(get("/api/agent/queue")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY));
    }

    @Test
    void swaggerUiMayApplyInlineStylesButStillRunsNoInlineScript() throws Exception {
        assertThat(SecurityConfiguration.SWAGGER_UI_POLICY).contains("style-src 'self' 'unsafe-inline';", "script-src 'self';");
        mvc.perform(get("/swagger-ui/index.html").with(user("swagger-reader")))
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.SWAGGER_UI_POLICY));
    }

    @Test
    void staffPagesSendReferrersOnlyToAskOnceItself() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void theChatPageSendsReferrersOnlyToAskOnceItself() throws Exception {
        mvc.perform(get("/")).andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void aStaffSessionEndsAfterThirtyIdleMinutes() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + StaffSecurityTest.ADMIN + "&password="
                        + StaffSecurityTest.ADMIN_PASSWORD + "&_csrf=" + csrfOf(page))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        String id = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();

        Context webapp = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = webapp.getManager().findSession(id);

        assertThat(session).as("the logged-in session").isNotNull();
        assertThat(session.getMaxInactiveInterval()).as("idle seconds before it ends").isEqualTo(30 * 60);
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
