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
import org.askonce.MiniAppTest;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.Message;
import org.askonce.handoff.Handoff;
import org.askonce.handoff.HandoffQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web chat keeps the conversation over real HTTP: an agent's reply waits unread until the
 * citizen's page fetches it (only then is it delivered); any earlier answer can be rated, nobody
 * else's.
 */
@MiniAppTest
class ChatHistoryIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    HandoffQueue queue;
    @Autowired
    Conversations conversations;

    /** A browser: keeps the cookies it is given. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ask(HttpClient client, String text) throws Exception {
        HttpResponse<String> response = send(client, "POST", "/api/chat", "{\"text\":\"" + text + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode messages(HttpClient client) throws Exception {
        return JSON.readTree(send(client, "GET", "/api/chat/messages?after=0", null).body());
    }

    private HttpResponse<String> rate(HttpClient client, long messageId, int rating) throws Exception {
        return send(client, "POST", "/api/chat/rating", "{\"rating\":" + rating + ",\"messageId\":" + messageId + "}");
    }

    /** The citizen asks for a person and an agent answers; returns the agent's message as stored. */
    private Message handedOffAndAnswered(HttpClient citizen, String answer) throws Exception {
        String userId = ask(citizen, "人工").get("userId").asText();
        String conversationId = queue.queue().stream().filter(h -> h.userId().equals(userId)).map(Handoff::conversationId)
                .findFirst().orElseThrow();
        queue.claim(conversationId, "agent-zhang");
        return queue.reply(conversationId, "agent-zhang", answer);
    }

    private Message stored(Message m) {
        return conversations.transcript(m.conversationId()).stream().filter(x -> x.id() == m.id()).findFirst().orElseThrow();
    }

    @Test
    void anAgentsReplyToAWebCitizenWaitsUnreadWhileTheirPageIsClosed() throws Exception {
        Message reply = handedOffAndAnswered(browser(), "您好，狗证可以在区市场监管局办理。");

        assertThat(reply.delivery()).isEqualTo("UNREAD");
        assertThat(stored(reply).delivery()).isEqualTo("UNREAD");
    }

    @Test
    void theCitizensPageFetchingTheReplyDeliversIt() throws Exception {
        HttpClient citizen = browser();
        Message reply = handedOffAndAnswered(citizen, "您好，狗证可以在区市场监管局办理。");

        JsonNode agentMessage = messages(citizen).get(messages(citizen).size() - 1);

        assertThat(stored(reply).delivery()).isEqualTo("SENT");
        assertThat(stored(reply).deliveryDetail()).isEqualTo("市民的聊天页面已获取");
        assertThat(agentMessage.get("text").asText()).isEqualTo("您好，狗证可以在区市场监管局办理。");
    }

    @Test
    void theFirstFetchOfAnUnreadReplyMarksItUnreadAndLaterFetchesDoNot() throws Exception {
        HttpClient citizen = browser();
        Message reply = handedOffAndAnswered(citizen, "请带身份证。");

        JsonNode first = messages(citizen);
        JsonNode second = messages(citizen);

        assertThat(first.get(first.size() - 1).get("id").asLong()).isEqualTo(reply.id());
        assertThat(first.get(first.size() - 1).get("unread").asBoolean()).isTrue();
        assertThat(second.get(second.size() - 1).get("unread").asBoolean()).isFalse();
        assertThat(first.get(0).get("unread").asBoolean()).isFalse(); // the citizen's own "人工"
    }

    @Test
    void anotherCitizenCannotFetchAndSoCannotDeliverTheReply() throws Exception {
        Message reply = handedOffAndAnswered(browser(), "请带身份证。");

        JsonNode strangers = messages(browser());

        assertThat(strangers).isEmpty();
        assertThat(stored(reply).delivery()).isEqualTo("UNREAD");
    }

    @Test
    void anEarlierAnswerCanBeRatedAfterTheConversationMovedOn() throws Exception {
        HttpClient citizen = browser();
        long first = ask(citizen, "狗证要带什么材料").get("messageId").asLong();
        ask(citizen, "那要多久");
        ask(citizen, "你好"); // the latest reply is no answer: rating the latest would be refused

        HttpResponse<String> rated = rate(citizen, first, 2);

        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(JSON.readTree(rated.body()).get("reply").asText()).contains("感谢您的评价");
        JsonNode answer = messageWithId(messages(citizen), first);
        assertThat(answer.get("rating").asInt()).isEqualTo(2);
    }

    @Test
    void onlyTheRatedAnswerCarriesTheRating() throws Exception {
        HttpClient citizen = browser();
        long first = ask(citizen, "狗证要带什么材料").get("messageId").asLong();
        long second = ask(citizen, "那要多久").get("messageId").asLong();

        rate(citizen, first, 1);

        assertThat(messageWithId(messages(citizen), second).has("rating")).isFalse();
    }

    @Test
    void aRestoredAnswerLinksTheItemsCompleteGuideAsTheLiveAnswerDid() throws Exception {
        HttpClient citizen = browser();
        JsonNode live = ask(citizen, "狗证要带什么材料");
        long handoff = ask(citizen, "人工").get("messageId").asLong();

        JsonNode restored = messages(citizen);

        assertThat(live.get("guideUrl").asText()).endsWith("/guide/dog-registration");
        assertThat(messageWithId(restored, live.get("messageId").asLong()).get("guideUrl").asText()).isEqualTo(live.get("guideUrl").asText());
        assertThat(messageWithId(restored, handoff).has("guideUrl")).as("no guide for a hand-off").isFalse();
    }

    @Test
    void ratingTheLatestAnswerByItsIdStillHandsTheNextQuestionToAPersonWhenDissatisfied() throws Exception {
        HttpClient citizen = browser();
        long answer = ask(citizen, "狗证要带什么材料").get("messageId").asLong();

        JsonNode rated = JSON.readTree(rate(citizen, answer, 3).body());
        JsonNode next = ask(citizen, "狗证要带什么材料");

        assertThat(rated.get("reply").asText()).contains("我会请工作人员来回答您");
        assertThat(next.get("action").asText()).isEqualTo("HANDOFF");
    }

    @Test
    void ratingAnotherCitizensAnswerIsRefusedInChinese() throws Exception {
        long theirs = ask(browser(), "狗证要带什么材料").get("messageId").asLong();

        HttpResponse<String> refused = rate(browser(), theirs, 3);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("没有找到这条回答，或它不属于您的对话，无法评价");
    }

    @Test
    void ratingAQuestionRatherThanAnAnswerIsRefusedInChinese() throws Exception {
        HttpClient citizen = browser();
        long answer = ask(citizen, "狗证要带什么材料").get("messageId").asLong();

        HttpResponse<String> refused = rate(citizen, answer - 1, 1); // the citizen's own question

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("只能评价机器人的回答或已结束的人工服务");
    }

    @Test
    void aMessageIdThatIsNotAPositiveNumberIsRefusedInChinese() throws Exception {
        HttpResponse<String> refused = send(browser(), "POST", "/api/chat/rating", "{\"rating\":1,\"messageId\":0}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("messageId 应为要评价的回答的编号");
    }

    private static JsonNode messageWithId(JsonNode messages, long id) {
        for (JsonNode m : messages) {
            if (m.get("id").asLong() == id) {
                return m;
            }
        }
        throw new AssertionError("no message " + id + " in " + messages);
    }
}
