package org.askonce.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.askonce.knowledge.transfer.KnowledgeTransfer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new deployment on an empty knowledge-base folder (no items, no hall FAQs, no lexicon, no WeChat
 * texts or menu): it starts, answers citizens on the web and on WeChat (built-in texts) without an
 * error, its editors' pages open, and a catalogue imported into it is the whole knowledge base,
 * without any sample item.
 */
// closed after the class: the vectors of the imported catalogue, computed in the background, would otherwise
// take a minute of CPU from the test classes after this one (a closed context stops them)
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:empty-knowledge-base;DB_CLOSE_DELAY=-1",
    "askonce.wechat.simulator=true"})
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmptyKnowledgeBaseIntegrationTests {

    private static final Path HOME = Path.of("target/test-data/empty-knowledge-base-" + UUID.randomUUID());
    private static final Path CATALOGUE = Path.of("training/guangdong/guangdong-service-items.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    KnowledgeTransfer transfer;
    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void anEmptyFolderAndAFreshDataDirectory(DynamicPropertyRegistry registry) {
        try {
            Files.createDirectories(HOME.resolve("knowledge-base"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("askonce.knowledge-base", () -> HOME.resolve("knowledge-base").toString());
        registry.add("askonce.data-dir", () -> HOME.resolve("data").toString());
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void startsWithNoItemsFaqsOrLexicon() {
        KnowledgeSnapshot kb = knowledgeBase.snapshot();

        assertThat(kb.items()).isEmpty();
        assertThat(kb.faqs()).isEmpty();
        assertThat(kb.lexicon().entries()).isEmpty();
    }

    @Test
    @Order(2)
    void aQuestionAboutAServiceGetsAReplyNotAnError() throws Exception {
        JsonNode json = post("/api/chat", "{\"userId\":\"empty-1\",\"text\":\"办营业执照要带什么材料\"}");

        assertThat(json.get("action").asText()).isNotBlank();
        assertThat(json.get("reply").asText()).isNotBlank();
    }

    @Test
    @Order(2)
    void aGreetingGetsAReplyNotAnError() throws Exception {
        JsonNode json = post("/api/chat", "{\"userId\":\"empty-2\",\"text\":\"你好\"}");

        assertThat(json.get("reply").asText()).isNotBlank();
    }

    @Test
    @Order(2)
    void aWechatFollowerIsWelcomedWithTheBuiltInTexts() throws Exception {
        JsonNode exchange = post("/wx/simulator/send", "{\"user\":\"empty-3\",\"type\":\"subscribe\"}");

        assertThat(exchange.get("reply").asText()).contains("材料", "人工").doesNotContain("杭州");
    }

    @Test
    @Order(2)
    void aWechatFollowerAskingForTheHallsIsToldNoneAreKnownYet() throws Exception {
        JsonNode exchange = post("/wx/simulator/send", "{\"user\":\"empty-4\",\"type\":\"click\",\"content\":\"HALLS\"}");

        assertThat(exchange.get("reply").asText()).contains("暂未收录办理地点");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/editor", "/editor/new", "/editor/review", "/editor/audit", "/editor/lexicon", "/editor/analytics",
        "/editor/learning", "/editor/try", "/editor/template.csv", "/editor/export.xlsx"})
    @Order(2)
    void theEditorsPagesOpenSoThatACatalogueCanBeImported(String page) throws Exception {
        mvc.perform(get(page).with(user("ed").roles("EDITOR"))).andExpect(status().isOk());
    }

    @Test
    @Order(3)
    void anImportedCatalogueIsTheWholeKnowledgeBase() {
        int imported = transfer.importFrom(CATALOGUE, "importer");

        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        assertThat(imported).isEqualTo(2262);
        assertThat(kb.itemCount()).isEqualTo(2262);
        assertThat(kb.items()).allSatisfy(item -> assertThat(item.id()).startsWith("gd-"));
    }
}
