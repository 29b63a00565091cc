package org.askonce.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DialogueEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The identity the server issues to web citizens, over real HTTP: a browser (a client that keeps
 * cookies) continues its conversation; nobody else reads or writes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "askonce.webchat.api-keys=integration-key-0123456789",
    "askonce.rate-limit.web-per-minute=4",
    "spring.datasource.url=jdbc:h2:mem:citizen-identity;DB_CLOSE_DELAY=-1"})
class CitizenIdentityIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DialogueEngine dialogue;

    @Autowired
    Conversations conversations;


    /** A browser: keeps the cookies it is given. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(HttpClient client, String body, String... headers) throws Exception {
        return send(client, "POST", "/api/chat", body, headers);
    }

    @Test
    void aNewCitizenGetsASignedHttpOnlyCookieAndAUserIdChosenByTheServer() throws Exception {
        HttpResponse<String> response = chat(HttpClient.newHttpClient(), "{\"text\":\"狗证要带什么材料\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(CitizenIdentities.COOKIE + "=v1.").contains("HttpOnly", "SameSite=Lax", "Path=/");
        assertThat(cookie.split(";")[0].split("\\.")[1]).matches("[0-9a-f]{32}"); // 128 random bits
        assertThat(JSON.readTree(response.body()).get("userId").asText()).matches("web-[0-9a-f]{16}");
    }

    @Test
    void aClientThatKeepsCookiesContinuesItsConversationWithoutNamingItself() throws Exception {
        HttpClient me = browser();
        JsonNode first = JSON.readTree(chat(me, "{\"text\":\"狗证要带什么材料\"}").body());
        JsonNode second = JSON.readTree(chat(me, "{\"text\":\"那要多久\"}").body());
        assertThat(second.get("userId").asText()).isEqualTo(first.get("userId").asText());
        assertThat(second.get("itemName").asText()).isEqualTo("养犬登记（犬证办理）");
        assertThat(second.get("element").asText()).isEqualTo("TIME_LIMIT");
        JsonNode messages = JSON.readTree(send(me, "GET", "/api/chat/messages?after=0", null).body());
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("text").asText()).isEqualTo("狗证要带什么材料");
    }

    @Test
    void anotherCitizenCanNeitherReadNorWriteTheConversation() throws Exception {
        HttpClient victim = browser();
        assertThat(chat(victim, "{\"userId\":\"victim-1\",\"text\":\"我电话13812345678，狗证要带什么\"}").statusCode()).isEqualTo(200);

        for (HttpClient attacker : new HttpClient[] {browser(), HttpClient.newHttpClient()}) {
            HttpResponse<String> read = send(attacker, "GET", "/api/chat/messages?userId=victim-1&after=0", null);
            assertThat(read.statusCode()).isEqualTo(403);
            assertThat(read.body()).doesNotContain("13812345678").contains("无权查看或使用这个会话");
            assertThat(chat(attacker, "{\"userId\":\"victim-1\",\"text\":\"人工\"}").statusCode()).isEqualTo(403);
            assertThat(send(attacker, "DELETE", "/api/chat/messages?userId=victim-1", null).statusCode()).isEqualTo(403);
        }
        // and the victim carries on
        HttpResponse<String> own = send(victim, "GET", "/api/chat/messages?userId=victim-1&after=0", null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("138****5678"); // stored masked, even for the citizen
    }

    @Test
    void aConversationFromBeforeIdentitiesWereIssuedCannotBeTakenOver() throws Exception {
        dialogue.handle(Channel.WEB, "legacy-1", "狗证要带什么材料");
        assertThat(chat(browser(), "{\"userId\":\"legacy-1\",\"text\":\"那要多久\"}").statusCode()).isEqualTo(403);
        assertThat(send(browser(), "GET", "/api/chat/messages?userId=legacy-1&after=0", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aTrustedIntegrationWithItsApiKeyActsForAnyUserId() throws Exception {
        chat(browser(), "{\"userId\":\"hotline-citizen\",\"text\":\"狗证要带什么材料\"}");
        HttpClient integration = HttpClient.newHttpClient();
        HttpResponse<String> read = send(integration, "GET", "/api/chat/messages?userId=hotline-citizen&after=0", null,
                CitizenAccess.API_KEY_HEADER, "integration-key-0123456789");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())).hasSize(2);
        assertThat(chat(integration, "{\"userId\":\"another-citizen\",\"text\":\"你好\"}", CitizenAccess.API_KEY_HEADER,
                "integration-key-0123456789").statusCode()).isEqualTo(200);
        assertThat(chat(integration, "{\"userId\":\"another-citizen\",\"text\":\"你好\"}", CitizenAccess.API_KEY_HEADER,
                "wrong-key-000000000000").statusCode()).isEqualTo(403);
    }

    @Test
    void aPostFromAnotherSitesPageIsRefusedAndOneFromOurOwnIsNot() throws Exception {
        HttpResponse<String> forged = chat(browser(), "{\"text\":\"人工\"}", "Origin", "https://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("error").asText()).contains("来源不被允许");
        assertThat(chat(browser(), "{\"text\":\"你好\"}", "Origin", "http://127.0.0.1:" + port).statusCode()).isEqualTo(200);
    }

    @Test
    void aCitizenOverThePerMinuteLimitIsAskedToWaitAndTheMessageIsNotStored() throws Exception {
        HttpClient me = browser();
        String userId = null;
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> ok = chat(me, "{\"text\":\"你好\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            userId = JSON.readTree(ok.body()).get("userId").asText();
        }
        HttpResponse<String> fifth = chat(me, "{\"text\":\"狗证要带什么材料\"}");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(JSON.readTree(fifth.body()).get("error").asText()).isEqualTo("您发送得太快了，请稍等一分钟再问。");
        assertThat(conversations.messagesOf(Channel.WEB, userId, 0)).noneMatch(m -> m.text().equals("狗证要带什么材料"));
        // naming other userIds does not escape the limit: it counts the identity
        assertThat(chat(me, "{\"userId\":\"fresh-name-1\",\"text\":\"你好\"}").statusCode()).isEqualTo(429);
        // another citizen is not held up
        assertThat(chat(browser(), "{\"text\":\"你好\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aCitizenCanClearTheirHistoryAndStartsAfresh() throws Exception {
        HttpClient me = browser();
        String userId = JSON.readTree(chat(me, "{\"text\":\"狗证要带什么材料\"}").body()).get("userId").asText();
        HttpResponse<String> cleared = send(me, "DELETE", "/api/chat/messages", null);
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cleared.body()).get("cleared").asInt()).isEqualTo(1);
        assertThat(cleared.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(conversations.hasHistory(Channel.WEB, userId)).isFalse();
        assertThat(JSON.readTree(send(me, "GET", "/api/chat/messages?after=0", null).body())).isEmpty();
    }
}
