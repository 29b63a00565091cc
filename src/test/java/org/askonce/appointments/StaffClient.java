package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A staff member's browser over plain HTTP: form login with the CSRF token, pages, forms posted with the page's token. */
final class StaffClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    private final String base;
    private String csrf;

    private StaffClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static StaffClient loggedIn(int port, String username, String password) throws Exception {
        StaffClient c = new StaffClient(port);
        HttpResponse<String> login = c.get("/login");
        Matcher m = CSRF_FIELD.matcher(login.body());
        assertThat(m.find()).as("CSRF field on the login page").isTrue();
        HttpResponse<String> r = c.http.send(HttpRequest.newBuilder(URI.create(c.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", m.group(1))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return c;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> q(e.getKey()) + "=" + q(e.getValue())).collect(Collectors.joining("&"));
    }

    /** A page; remembers its CSRF token for the next post. */
    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF_META.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form with the token of the last page; follows the redirect to the page it leads to. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return postRaw(path, withToken(fields, true));
    }

    /** Posts a form without a CSRF token (as a forged request would). */
    HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) throws Exception {
        return postRaw(path, withToken(fields, false));
    }

    private Map<String, String> withToken(Map<String, String> fields, boolean token) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token) {
            all.put("_csrf", csrf);
        }
        return all;
    }

    private HttpResponse<String> postRaw(String path, Map<String, String> fields) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 302) {
            String location = r.headers().firstValue("Location").orElseThrow();
            return get(location.startsWith("http") ? URI.create(location).getRawPath() + (URI.create(location).getRawQuery() == null ? ""
                    : "?" + URI.create(location).getRawQuery()) : location);
        }
        return r;
    }

    /** An API call with HTTP Basic credentials (as a program would make it: no session, no token). */
    static HttpResponse<String> api(int port, String username, String password, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
