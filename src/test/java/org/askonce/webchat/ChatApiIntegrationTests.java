package org.askonce.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.askonce.MiniAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The chat API over real HTTP: the contract fields, and a clear 400 for every bad request. */
@MiniAppTest
class ChatApiIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(String body) throws Exception {
        return post("/api/chat", body, "application/json");
    }

    @Test
    void answersWithTheContractFields() throws Exception {
        HttpResponse<String> response = chat("{\"userId\":\"api-1\",\"text\":\"狗证要带什么材料\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("action").asText()).isEqualTo("ANSWER");
        assertThat(json.get("itemName").asText()).isEqualTo("养犬登记（犬证办理）");
        assertThat(json.get("element").asText()).isEqualTo("MATERIALS");
        assertThat(json.get("reply").asText()).contains("犬只狂犬病免疫证明");
        assertThat(json.get("options").isArray()).isTrue();
        assertThat(json.get("options")).isEmpty();
        assertThat(json.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.has("faqQuestion")).isFalse();
    }

    @Test
    void twoElementsAskedAtOnceAreBothAnsweredInTheOrderAsked() throws Exception {
        JsonNode json = JSON.readTree(chat("{\"userId\":\"api-multi\",\"text\":\"狗证在哪办，要带啥\"}").body());
        assertThat(json.get("action").asText()).isEqualTo("ANSWER");
        assertThat(json.get("element").asText()).isEqualTo("LOCATION");
        assertThat(json.get("elements")).extracting(JsonNode::asText).containsExactly("LOCATION", "MATERIALS");
        String reply = json.get("reply").asText();
        assertThat(reply).startsWith("【养犬登记（犬证办理）】办理地点：").contains("需要准备的材料");
        assertThat(reply.indexOf("【养犬登记")).isEqualTo(reply.lastIndexOf("【养犬登记")); // the item is named once
    }

    @Test
    void wordingVectorsComputedAtStartAreKeptInTheDatabaseForTheNextStart() {
        // the mini knowledge base ships no vectors: they were embedded at start and cached by model and digest
        long cached = jdbc.sql("SELECT COUNT(*) FROM embedding_cache WHERE model = 'bge-small-zh-v1.5-q'").query(Long.class).single();
        assertThat(cached).isPositive();
        assertThat(jdbc.sql("SELECT MIN(LENGTH(digest)) FROM embedding_cache").query(Integer.class).single()).isEqualTo(64);
    }

    @Test
    void healthSaysTheVectorsAreReady() throws Exception {
        JsonNode details = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/answers"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).at("/components/answerModel/details");
        assertThat(details.get("signals").asText()).isEqualTo("semantic+lexical");
        assertThat(details.get("vectors").asText()).isEqualTo("ready");
        assertThat(details.get("vectorCount").asInt()).isPositive();
    }

    @Test
    void faqAnswerCarriesFaqQuestion() throws Exception {
        JsonNode json = JSON.readTree(chat("{\"userId\":\"api-2\",\"text\":\"市民卡掉了咋办\"}").body());
        assertThat(json.get("faqQuestion").asText()).isEqualTo("社保卡丢了怎么办？");
    }

    @Test
    void smallTalkHasNullItemAndElement() throws Exception {
        JsonNode json = JSON.readTree(chat("{\"userId\":\"api-3\",\"text\":\"你好\"}").body());
        assertThat(json.get("action").asText()).isEqualTo("SMALLTALK");
        assertThat(json.get("itemName").isNull()).isTrue();
        assertThat(json.get("element").isNull()).isTrue();
    }

    @Test
    void missingTextIsA400WithAClearMessage() throws Exception {
        HttpResponse<String> response = chat("{\"userId\":\"api-4\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("请输入问题（text 不能为空）");
    }

    @Test
    void blankTextIsA400() throws Exception {
        assertThat(chat("{\"userId\":\"api-5\",\"text\":\"   \"}").statusCode()).isEqualTo(400);
    }

    @Test
    void textOver500CharactersIsA400() throws Exception {
        HttpResponse<String> response = chat("{\"userId\":\"api-6\",\"text\":\"" + "狗".repeat(501) + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("问题太长了，请控制在 500 字以内（text 最多 500 个字符）");
    }

    @Test
    void badJsonIsA400() throws Exception {
        HttpResponse<String> response = chat("{\"userId\":\"api-7\",\"text\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
    }

    @Test
    void aBadUserIdIsA400InChinese() throws Exception {
        HttpResponse<String> response = chat("{\"userId\":\"a b\",\"text\":\"你好\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("userId 只能包含字母、数字和 . _ : @ -");
    }

    @Test
    void aBodyOver16KilobytesIsA413BeforeItIsParsed() throws Exception {
        HttpResponse<String> response = chat("{\"text\":\"" + "a".repeat(20_000) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("请求内容太大（最多 16 KB）");
    }

    @Test
    void aChunkedBodyOver16KilobytesIsA413Too() throws Exception {
        byte[] big = ("{\"text\":\"" + "a".repeat(20_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void duplicateKeysAreA400InChinese() throws Exception {
        HttpResponse<String> response = chat("{\"text\":\"你好\",\"text\":\"人工\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("请求内容有重复的字段：'text'");
    }

    @Test
    void aMalformedAfterParameterIsA400InChinese() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/chat/messages?after=abc")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("参数 after 的值“abc”格式不对，应为数字");
    }

    @Test
    void wrongContentTypeIsRejected() throws Exception {
        assertThat(post("/api/chat", "text=hi", "text/plain").statusCode()).isEqualTo(415);
    }

    @Test
    void explainShowsWhyAQuestionMatched() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/explain?q=" + java.net.URLEncoder.encode("犬正要带什么材料", java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("pinyinGrams").toString()).contains("quan_zheng");
        JsonNode best = json.get("matches").get(0);
        assertThat(best.get("itemId").asText()).isEqualTo("dog-registration");
        assertThat(best.get("level").asText()).isEqualTo("PINYIN");
        assertThat(best.get("shared").toString()).contains("quan_zheng");
    }

    @Test
    void chatPageIsServedInChinese() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"", "/js/chat.js", "示例数据，以官方发布为准", "name=\"viewport\"");
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/js/chat.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/api/chat");
    }
}
