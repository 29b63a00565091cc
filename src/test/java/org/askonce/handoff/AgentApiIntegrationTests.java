package org.askonce.handoff;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent API over HTTP as a hotline system would use it (HTTP Basic with agents' accounts), with
 * the citizen on the web chat API: queue, claim (once), transcript, reply seen by the citizen,
 * resolve; errors as JSON; the API described in the OpenAPI document.
 */
@MiniAppTest
class AgentApiIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "hotline-agent-key";
    private final HttpClient http = HttpClient.newHttpClient();
    /** The citizens' side: a browser keeps the identity cookie the server issues. */
    private final HttpClient citizen = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL)).build();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void agents() {
        for (String name : new String[] {"hotline-1", "hotline-2"}) {
            if (accounts.find(name).isEmpty()) {
                accounts.create(name, name, Role.AGENT, PASSWORD);
            }
        }
    }

    private HttpResponse<String> call(String method, String path, String body, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return (user == null ? citizen : http).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String handOff(String userId) throws Exception {
        JsonNode r = JSON.readTree(call("POST", "/api/chat", "{\"userId\":\"" + userId + "\",\"text\":\"我要找人工\"}", null).body());
        assertThat(r.get("action").asText()).isEqualTo("HANDOFF");
        JsonNode queue = JSON.readTree(call("GET", "/api/agent/queue", null, "hotline-1").body());
        for (JsonNode entry : queue) {
            if (entry.get("userId").asText().equals(userId)) {
                return entry.get("conversationId").asText();
            }
        }
        throw new AssertionError("not in the queue: " + userId);
    }

    @Test
    void aHotlineAgentWorksAHandoffThroughTheApiAndTheCitizenGetsTheAnswer() throws Exception {
        String id = handOff("api-citizen-1");
        JsonNode waiting = JSON.readTree(call("GET", "/api/agent/queue", null, "hotline-1").body());
        assertThat(waiting.findValuesAsText("state")).contains("WAITING");

        HttpResponse<String> claimed = call("POST", "/api/agent/conversations/" + id + "/claim", null, "hotline-1");
        HttpResponse<String> again = call("POST", "/api/agent/conversations/" + id + "/claim", null, "hotline-2");
        HttpResponse<String> withAgent = call("POST", "/api/chat", "{\"userId\":\"api-citizen-1\",\"text\":\"狗证多少钱\"}", null);
        HttpResponse<String> replied = call("POST", "/api/agent/conversations/" + id + "/reply", "{\"text\":\"养犬登记费用请以窗口公示为准。\"}", "hotline-1");
        HttpResponse<String> transcript = call("GET", "/api/agent/conversations/" + id, null, "hotline-1");
        HttpResponse<String> citizenSees = call("GET", "/api/chat/messages?userId=api-citizen-1&after=0", null, null);
        HttpResponse<String> resolved = call("POST", "/api/agent/conversations/" + id + "/resolve", null, "hotline-1");

        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(claimed.body()).get("agent").asText()).isEqualTo("hotline-1");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").asText()).contains("hotline-1");
        assertThat(JSON.readTree(withAgent.body()).get("action").asText()).isEqualTo("WITH_AGENT");
        assertThat(replied.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(transcript.body()).get("messages").findValuesAsText("text")).contains("狗证多少钱", "养犬登记费用请以窗口公示为准。");
        JsonNode messages = JSON.readTree(citizenSees.body());
        JsonNode agentMessage = null;
        for (JsonNode m : messages) {
            if (m.get("sender").asText().equals("AGENT")) {
                agentMessage = m;
            }
        }
        assertThat(agentMessage).isNotNull();
        assertThat(agentMessage.get("text").asText()).isEqualTo("养犬登记费用请以窗口公示为准。");
        assertThat(agentMessage.has("id") && agentMessage.has("time")).isTrue();
        assertThat(JSON.readTree(resolved.body()).get("state").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void badRequestsGetClearJsonErrors() throws Exception {
        String id = handOff("api-citizen-2");

        assertThat(call("GET", "/api/agent/queue", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/agent/conversations/no-such-id", null, "hotline-1").statusCode()).isEqualTo(404);
        HttpResponse<String> notClaimed = call("POST", "/api/agent/conversations/" + id + "/reply", "{\"text\":\"您好\"}", "hotline-1");
        assertThat(notClaimed.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(notClaimed.body()).get("error").asText()).contains("请先接入");
        call("POST", "/api/agent/conversations/" + id + "/claim", null, "hotline-1");
        HttpResponse<String> empty = call("POST", "/api/agent/conversations/" + id + "/reply", "{\"text\":\"  \"}", "hotline-1");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("error").asText()).contains("不能为空");
        HttpResponse<String> notJson = call("POST", "/api/agent/conversations/" + id + "/reply", "{text", "hotline-1");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void anEndedHandoffCanBeSavedAsADraftQuestionAndAnswer() throws Exception {
        String id = handOff("api-citizen-3");
        call("POST", "/api/chat", "{\"userId\":\"api-citizen-3\",\"text\":\"宠物狗打疫苗在哪里\"}", null);
        call("POST", "/api/agent/conversations/" + id + "/claim", null, "hotline-2");
        call("POST", "/api/agent/conversations/" + id + "/reply", "{\"text\":\"到就近的犬类免疫点。\"}", "hotline-2");
        assertThat(call("POST", "/api/agent/conversations/" + id + "/knowledge",
                "{\"question\":\"x\",\"answer\":\"y\"}", "hotline-2").statusCode()).isEqualTo(409);
        call("POST", "/api/agent/conversations/" + id + "/resolve", null, "hotline-2");

        JsonNode proposal = JSON.readTree(call("GET", "/api/agent/conversations/" + id + "/knowledge", null, "hotline-2").body());
        HttpResponse<String> saved = call("POST", "/api/agent/conversations/" + id + "/knowledge", proposal.toString(), "hotline-2");

        assertThat(proposal.get("question").asText()).isEqualTo("宠物狗打疫苗在哪里");
        assertThat(proposal.get("answer").asText()).isEqualTo("到就近的犬类免疫点。");
        assertThat(saved.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(saved.body()).get("status").asText()).isEqualTo("PROPOSED");
    }

    @Test
    void anAgentWhoUsedTheApiIsListedOnlineForATransferToOthers() throws Exception {
        call("GET", "/api/agent/queue", null, "hotline-2");

        JsonNode agents = JSON.readTree(call("GET", "/api/agent/agents", null, "hotline-1").body());

        assertThat(agents.findValuesAsText("username")).contains("hotline-2").doesNotContain("hotline-1");
    }

    @Test
    void itemsForADraftAreFoundBySearchAndABlankSearchIsRefusedInChinese() throws Exception {
        JsonNode items = JSON.readTree(call("GET", "/api/agent/items?q=" + java.net.URLEncoder.encode("办狗证", StandardCharsets.UTF_8),
                null, "hotline-1").body());
        HttpResponse<String> blank = call("GET", "/api/agent/items?q=", null, "hotline-1");

        assertThat(items.get(0).get("itemId").asText()).isEqualTo("dog-registration");
        assertThat(items.get(0).get("name").asText()).contains("养犬登记");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(blank.body()).get("error").asText()).isEqualTo("请输入要查的事项");
    }

    @Test
    void theAgentApiIsDescribedInTheOpenApiDocument() throws Exception {
        HttpResponse<String> docs = call("GET", "/v3/api-docs", null, "hotline-1");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/agent/queue")).isTrue();
        assertThat(paths.has("/api/agent/conversations/{id}/claim")).isTrue();
        assertThat(paths.has("/api/agent/conversations/{id}/reply")).isTrue();
    }
}
