package org.askonce.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code askonce.retrieval.semantic=false}: AskOnce answers from the words alone, and health says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "askonce.retrieval.semantic=false",
    "spring.datasource.url=jdbc:h2:mem:lexical-only;DB_CLOSE_DELAY=-1"})
class LexicalOnlyIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void healthSaysTheWordsAloneAnswer() throws Exception {
        JsonNode health = get("/actuator/health/answers");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode details = health.at("/components/answerModel/details");
        assertThat(details.get("signals").asText()).isEqualTo("lexical");
        assertThat(details.get("vectors").asText()).isEqualTo("off");
        assertThat(details.get("vectorCount").asInt()).isZero();
    }

    @Test
    void stillAnswersByTheWords() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"lex-1\",\"text\":\"狗证要带什么材料\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("action").asText()).isEqualTo("ANSWER");
        assertThat(json.get("itemName").asText()).isEqualTo("养犬登记（犬证办理）");
    }
}
