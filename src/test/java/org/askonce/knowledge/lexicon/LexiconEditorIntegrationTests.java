package org.askonce.knowledge.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.askonce.Eventually;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.store.ChangeLog;
import org.askonce.knowledge.store.LexiconVersion;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lexicon editor end to end: a new colloquial term in the draft changes nothing citizens get;
 * once published, a question that names the item only by that term is answered through
 * {@code POST /api/chat} (after the background rebuild, without a restart); a roll-back restores
 * the earlier answer; refused changes store nothing; versions and the audit log say who and when.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:lexicon-editor;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc // as LexiconConsoleIntegrationTests: one context for both
class LexiconEditorIntegrationTests {

    private static final String DOG_ITEM = "养犬登记（犬证办理）";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    LexiconEditor lexicon;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    Retriever retriever;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void noDraftLeftByAnotherTest() {
        lexicon.discardDraft("test-setup");
    }

    private JsonNode chat(String text) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("userId", "lexicon-" + USERS.incrementAndGet(), "text", text));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private boolean answeredWithTheDogItem(String question) throws Exception {
        JsonNode reply = chat(question);
        return "ANSWER".equals(reply.get("action").asText()) && DOG_ITEM.equals(reply.get("itemName").asText());
    }

    private void awaitIndex() throws InterruptedException {
        Eventually.until("the index of publication " + knowledgeBase.publication(), Duration.ofSeconds(30),
                () -> retriever.builtFor() == knowledgeBase.publication());
    }

    /** The dog item's entry with one more colloquial term, saved in the draft. */
    private void addDogSlang(String slang, String editor) {
        List<String> terms = new java.util.ArrayList<>(lexicon.draft().synonyms().get("养犬登记"));
        terms.add(slang);
        lexicon.saveEntry("养犬登记", "养犬登记", terms, editor);
    }

    @Test
    void aNewColloquialTermInTheDraftDoesNotChangeTheAnswer() throws Exception {
        JsonNode before = chat("汪汪证要带什么材料");
        assertThat(answeredWithTheDogItem("汪汪证要带什么材料")).isFalse();

        addDogSlang("汪汪证", "editor-wang");

        JsonNode after = chat("汪汪证要带什么材料");
        assertThat(after.get("action")).isEqualTo(before.get("action"));
        assertThat(after.get("reply")).isEqualTo(before.get("reply"));
        assertThat(knowledgeBase.snapshot().lexicon().entries()).doesNotContainKey("汪汪证");
        assertThat(lexicon.published().entries()).doesNotContainKey("汪汪证");
        assertThat(lexicon.draftChanges()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(LexiconVersion.Change.Kind.ADDED);
            assertThat(c.after()).isEqualTo(new Lexicon.Entry("汪汪证", "养犬登记"));
            assertThat(c.changedBy()).isEqualTo("editor-wang");
            assertThat(c.changedAt()).isNotNull();
        });
    }

    @Test
    void afterPublishingAQuestionNamingTheItemOnlyByTheNewTermIsAnswered() throws Exception {
        assertThat(answeredWithTheDogItem("毛孩子证要带什么材料")).isFalse();
        addDogSlang("毛孩子证", "editor-wang");

        LexiconVersion published = lexicon.publish("editor-li", "加入市民说法 毛孩子证");
        awaitIndex();

        JsonNode reply = chat("毛孩子证要带什么材料");
        assertThat(reply.get("action").asText()).isEqualTo("ANSWER");
        assertThat(reply.get("itemName").asText()).isEqualTo(DOG_ITEM);
        assertThat(reply.get("element").asText()).isEqualTo("MATERIALS");
        assertThat(reply.get("reply").asText()).contains("犬只狂犬病免疫证明");
        assertThat(published.current()).isTrue();
        assertThat(published.publishedBy()).isEqualTo("editor-li");
        assertThat(published.note()).isEqualTo("加入市民说法 毛孩子证");
        assertThat(lexicon.draftChanges()).isEmpty();
        assertThat(lexicon.diff(published.version() - 1, published.version())).singleElement()
                .satisfies(c -> assertThat(c.summary()).isEqualTo("新增 毛孩子证 → 养犬登记"));
    }

    @Test
    void aRollBackRestoresTheEarlierAnswer() throws Exception {
        int before = lexicon.history().get(0).version();
        addDogSlang("汪星人证", "editor-wang");
        lexicon.publish("editor-li", null);
        awaitIndex();
        assertThat(answeredWithTheDogItem("汪星人证在哪办")).isTrue();

        LexiconVersion restored = lexicon.rollBack(before, "editor-li");
        awaitIndex();

        assertThat(answeredWithTheDogItem("汪星人证在哪办")).isFalse();
        assertThat(restored.version()).isEqualTo(before + 2);
        assertThat(restored.note()).isEqualTo("回滚到第" + before + "版");
        assertThat(restored.lexicon().sameTermsAs(lexicon.version(before).orElseThrow().lexicon())).isTrue();
        assertThat(knowledgeBase.snapshot().lexicon().entries()).doesNotContainKey("汪星人证");
    }

    @Test
    void historyListsEveryPublicationWithWhoAndWhen() {
        addDogSlang("狗狗证", "editor-wang");
        LexiconVersion first = lexicon.publish("editor-li", null);
        lexicon.addWords(List.of("浙里办"), "editor-wang");
        LexiconVersion second = lexicon.publish("editor-zhao", "词典词 浙里办");

        List<LexiconVersion> history = lexicon.history();

        assertThat(history.get(0).version()).isEqualTo(second.version()).isEqualTo(first.version() + 1);
        assertThat(history).extracting(LexiconVersion::current).containsOnlyOnce(true).first().isEqualTo(true);
        assertThat(history.subList(0, 2)).extracting(LexiconVersion::publishedBy).containsExactly("editor-zhao", "editor-li");
        assertThat(history.subList(0, 2)).extracting(LexiconVersion::note).containsExactly("词典词 浙里办", "新增1个词条");
        assertThat(history).allSatisfy(v -> assertThat(v.publishedAt()).isNotNull());
        assertThat(history.get(history.size() - 1)).satisfies(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.publishedBy()).isEqualTo("导入");
        });
    }

    @Test
    void theAuditLogRecordsWhoChangedAndPublishedWhat() {
        addDogSlang("狗子证", "editor-wang");
        LexiconVersion published = lexicon.publish("editor-li", null);

        List<ChangeLog.Entry> log = lexicon.auditLog(2);

        assertThat(log).satisfiesExactly(
                e -> {
                    assertThat(e.action()).isEqualTo("PUBLISH");
                    assertThat(e.username()).isEqualTo("editor-li");
                    assertThat(e.itemId()).isEqualTo(LexiconEditor.AUDIT_ITEM);
                    assertThat(e.version()).isEqualTo(published.version());
                    assertThat(e.detail()).contains("新增 狗子证 → 养犬登记");
                },
                e -> {
                    assertThat(e.action()).isEqualTo("DRAFT");
                    assertThat(e.username()).isEqualTo("editor-wang");
                    assertThat(e.detail()).isEqualTo("修改词条 养犬登记：新增 狗子证 → 养犬登记");
                });
    }

    @Test
    void aRefusedChangeStoresNothing() {
        Lexicon before = lexicon.draft();
        int logged = lexicon.auditLog(1000).size();

        assertThatThrownBy(() -> lexicon.saveEntry(null, "社会保障卡", List.of("社保卡片", "狗证"), "editor-wang"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("口语说法「狗证」已对应官方用语「养犬登记」");
        assertThatThrownBy(() -> lexicon.saveEntry("养犬登记", "养犬登记", List.of("狗证", "？！"), "editor-wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("只有标点或符号");
        assertThatThrownBy(() -> lexicon.addWords(List.of(""), "editor-wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("词典词不能为空");

        assertThat(lexicon.draftChanges()).isEmpty();
        assertThat(lexicon.draft().sameTermsAs(before)).isTrue();
        assertThat(lexicon.auditLog(1000)).hasSize(logged);
    }

    @Test
    void publishingADraftWithoutChangesIsRefused() {
        int versions = lexicon.history().size();

        assertThatThrownBy(() -> lexicon.publish("editor-li", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("没有可发布的修改");
        assertThat(lexicon.history()).hasSize(versions);
    }

    @Test
    void aDraftChangeCanBeUndoneTermByTerm() {
        addDogSlang("狗娃证", "editor-wang");
        lexicon.addWords(List.of("一网通办"), "editor-wang");

        lexicon.revert("狗娃证", "editor-wang");

        assertThat(lexicon.draftChanges()).extracting(LexiconVersion.Change::term).containsExactly("一网通办");
    }
}
