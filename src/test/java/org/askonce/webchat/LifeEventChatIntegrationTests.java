package org.askonce.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.askonce.SampleAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Life events (一件事) through the chat API on the sample knowledge base, loaded from the folder into
 * the database: {@code eventName} set, {@code itemName} the first step's item, the steps as options.
 */
@SampleAppTest
class LifeEventChatIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A browser: keeps the cookies it is given (the citizen's identity). */
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL)).build();

    @LocalServerPort
    int port;

    private JsonNode chat(String userId, String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("userId", userId, "text", text))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void anEventAnswerNamesTheEventAndItsFirstStepsItem() throws Exception {
        JsonNode json = chat("event-1", "孩子出生了要办哪些事");
        assertThat(json.get("action").asText()).isEqualTo("ANSWER");
        assertThat(json.get("eventName").asText()).isEqualTo("新生儿出生一件事");
        assertThat(json.get("itemName").asText()).isEqualTo("出生登记（新生儿落户）");
        assertThat(json.get("options")).extracting(JsonNode::asText).contains("出生登记（新生儿落户）", "生育津贴申领");
        assertThat(json.get("reply").asText()).startsWith("【新生儿出生一件事】").contains("材料合并清单");
    }

    @Test
    void anItemAnswerHasNoEventName() throws Exception {
        JsonNode json = chat("event-2", "办护照要带什么材料");
        assertThat(json.get("itemName").asText()).isEqualTo("普通护照签发");
        assertThat(json.get("eventName").isNull()).isTrue();
    }

    @Test
    void aStepsNumberAfterTheEventAnswersThatStep() throws Exception {
        chat("event-3", "孩子出生了要办哪些事");
        JsonNode json = chat("event-3", "4");
        assertThat(json.get("action").asText()).isEqualTo("ANSWER");
        assertThat(json.get("itemName").asText()).isEqualTo("生育津贴申领");
        assertThat(json.get("eventName").isNull()).isTrue();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.askonce.analytics.Analytics analytics;

    @Test
    void theDashboardCountsAnEventAnswerAndAStepTheCitizenThenAskedAbout() throws Exception {
        java.time.LocalDate today = analytics.today();
        java.util.function.Supplier<org.askonce.analytics.AnalyticsReport.EventUse> marriage = () -> analytics
                .report(new org.askonce.analytics.DateRange(today, today)).lifeEvents().stream()
                .filter(e -> e.eventId().equals("marriage")).findFirst().orElseThrow();
        int before = marriage.get().answers();
        int followedBefore = marriage.get().followed();

        assertThat(chat("event-4", "结婚要办哪些手续").get("eventName").asText()).isEqualTo("结婚一件事");
        chat("event-4", "1");

        assertThat(marriage.get().answers()).isEqualTo(before + 1);
        assertThat(marriage.get().followed()).isEqualTo(followedBefore + 1);
    }
}
