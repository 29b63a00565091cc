package org.askonce.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over HTTP, as staff use it: an agent reads a citizen's conversation in the console or through the
 * agent API, and an admin sees who read what on {@code /admin/access-log} and {@code /api/admin/access-log}.
 */
@MiniAppTest
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIntegrationTests {

    private static final String PASSWORD = "Transcript-Reader-2026";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOBILE = "13912345678";
    private final HttpClient http = HttpClient.newHttpClient();
    /** The citizens' side: a browser keeps the identity cookie the server issues. */
    private final HttpClient citizen = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL)).build();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void staff() {
        if (accounts.find("log-agent").isEmpty()) {
            accounts.create("log-agent", "坐席甲", Role.AGENT, PASSWORD);
            accounts.create("log-admin", "管理员", Role.ADMIN, PASSWORD);
        }
    }

    private HttpResponse<String> call(String method, String path, String body, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return (user == null ? citizen : http).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A web citizen asks for a person and leaves their number; returns the conversation id. */
    private String handOff(String userId) throws Exception {
        JsonNode r = JSON.readTree(call("POST", "/api/chat", "{\"userId\":\"" + userId + "\",\"text\":\"我要找人工\"}", null).body());
        call("POST", "/api/chat", "{\"userId\":\"" + userId + "\",\"text\":\"我的电话" + MOBILE + "\"}", null);
        for (JsonNode entry : JSON.readTree(call("GET", "/api/agent/queue", null, "log-agent").body())) {
            if (entry.get("userId").asText().equals(userId)) {
                return entry.get("conversationId").asText();
            }
        }
        throw new AssertionError("not in the queue: " + userId + " " + r);
    }

    private JsonNode accessLog(String conversationId) throws Exception {
        return JSON.readTree(call("GET", "/api/admin/access-log?conversationId=" + conversationId, null, "log-admin").body());
    }

    @Test
    void anAgentsReadThroughTheAgentApiIsInTheAccessLog() throws Exception {
        String id = handOff("log-citizen-api");

        HttpResponse<String> read = call("GET", "/api/agent/conversations/" + id, null, "log-agent");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(accessLog(id)).singleElement().satisfies(e -> {
            assertThat(e.get("staff").asText()).isEqualTo("log-agent");
            assertThat(e.get("conversationId").asText()).isEqualTo(id);
            assertThat(e.get("view").asText()).isEqualTo("AGENT_API");
            assertThat(e.get("at").asText()).isNotBlank();
        });
    }

    @Test
    void anAgentsReadInTheConsoleShowsTheNumberAndIsOnTheAdminsAccessLogPage() throws Exception {
        String id = handOff("log-citizen-console");

        HttpResponse<String> page = call("GET", "/console/conversations/" + id, null, "log-agent");
        HttpResponse<String> adminPage = call("GET", "/admin/access-log?conversationId=" + id, null, "log-admin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("我的电话" + MOBILE);
        assertThat(adminPage.statusCode()).isEqualTo(200);
        assertThat(adminPage.body()).contains("对话访问记录", "log-agent", id, "坐席工作台 · 对话页");
    }

    @Test
    void theQueueShowsTheQuestionMaskedAndIsNoTranscriptRead() throws Exception {
        call("POST", "/api/chat", "{\"userId\":\"log-citizen-queue\",\"text\":\"转人工，我的电话" + MOBILE + "\"}", null);

        JsonNode entry = null;
        for (JsonNode e : JSON.readTree(call("GET", "/api/agent/queue", null, "log-agent").body())) {
            if (e.get("userId").asText().equals("log-citizen-queue")) {
                entry = e;
            }
        }

        assertThat(entry).isNotNull();
        assertThat(entry.get("question").asText()).isEqualTo("转人工，我的电话139****5678");
        assertThat(entry.get("contactPhone").asText()).isEqualTo(MOBILE);
        assertThat(accessLog(entry.get("conversationId").asText())).isEmpty();
    }

    @Test
    void onlyAdminsMayReadTheAccessLog() throws Exception {
        assertThat(call("GET", "/api/admin/access-log", null, "log-agent").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/admin/access-log", null, "log-agent").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/admin/access-log", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aLimitOutOfRangeIsABadRequest() throws Exception {
        HttpResponse<String> r = call("GET", "/api/admin/access-log?limit=5000", null, "log-admin");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("5000");
    }

    @Test
    void noLogLineCarriesTheNumberACitizenTyped(CapturedOutput output) throws Exception {
        String id = handOff("log-citizen-quiet");
        call("POST", "/api/agent/conversations/" + id + "/claim", null, "log-agent");
        call("POST", "/api/agent/conversations/" + id + "/reply", "{\"text\":\"好的，稍后联系您。\"}", "log-agent");
        call("GET", "/api/agent/conversations/" + id, null, "log-agent");
        call("POST", "/api/agent/conversations/" + id + "/resolve", null, "log-agent");

        assertThat(output.getAll()).doesNotContain(MOBILE).doesNotContain("1391234");
    }
}
