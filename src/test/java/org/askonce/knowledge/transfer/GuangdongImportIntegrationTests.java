package org.askonce.knowledge.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.askonce.Eventually;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.Reply;
import org.askonce.knowledge.EditorSettings;
import org.askonce.knowledge.ImportProgress;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.audit.AuditCheck;
import org.askonce.knowledge.audit.AuditFinding;
import org.askonce.knowledge.audit.AuditReport;
import org.askonce.knowledge.audit.KnowledgeAudit;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.askonce.nlp.TextPipeline;
import org.askonce.retrieval.Candidate;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real Guangdong provincial catalogue (2,262 items, training/guangdong) imported into a running
 * AskOnce: every item present and searchable by its name, its gaps kept as gaps (the audit finds
 * each one the file has), citizens told plainly what is not given; a malformed catalogue changes nothing.
 */
// closed after the class: the vectors of the imported catalogue, computed in the background, would otherwise
// take a minute of CPU from the test classes after this one (a closed context stops them)
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:guangdong-import;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuangdongImportIntegrationTests {

    static final Path CATALOGUE = Path.of("training/guangdong/guangdong-service-items.jsonl");
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    KnowledgeTransfer transfer;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    KnowledgeAudit audit;
    @Autowired
    Retriever retriever;
    @Autowired
    TextPipeline pipeline;
    @Autowired
    DialogueEngine dialogue;
    @Autowired
    KnowledgeEditor editorService;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @TempDir
    Path temp;

    List<JsonNode> rows;

    @BeforeAll
    void readTheFileIndependently() throws Exception {
        rows = new ArrayList<>();
        for (String line : Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8)) {
            rows.add(JSON.readTree(line));
        }
        assertThat(rows).hasSize(2262);
    }

    @Test
    @Order(1)
    void aMalformedCatalogueChangesNothingAndEveryBadLineIsReported() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8).subList(0, 5));
        lines.set(1, lines.get(1).substring(0, 80));                                   // line 2: cut off
        lines.set(3, lines.get(3).replaceFirst("\"TASK_NAME\":\"[^\"]*\"", "\"TASK_NAME\":\"无\"")
                .replaceFirst("\"matter_name\":\"[^\"]*\"", "\"matter_name\":\"\""));  // line 4: no name
        lines.set(4, lines.get(0));                                                    // line 5: line 1 again
        Path bad = temp.resolve("bad.jsonl");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        long publication = knowledgeBase.publication();
        List<ServiceItem> before = knowledgeBase.snapshot().items();

        assertThatThrownBy(() -> transfer.importFrom(bad, "importer"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("3 处问题")
                .hasMessageContaining("第2行：不是有效的 JSON")
                .hasMessageContaining("第4行：缺少 TASK_NAME（事项名称）")
                .hasMessageContaining("第5行 TASK_CODE：" + rows.get(0).get("TASK_CODE").asText() + " 在文件中出现了不止一次");
        assertThat(knowledgeBase.publication()).isEqualTo(publication);
        assertThat(knowledgeBase.snapshot().items()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void allItemsArePresentAndSearchableByName() throws Exception {
        int sampleItems = knowledgeBase.snapshot().itemCount();
        AtomicInteger lastStored = new AtomicInteger();
        AtomicInteger linesRead = new AtomicInteger();

        int imported = transfer.importFrom(CATALOGUE, "importer", new ImportProgress() {
            @Override
            public void read(int lines) {
                linesRead.set(lines);
            }

            @Override
            public void stored(int done, int total) {
                lastStored.set(done);
            }
        });

        assertThat(imported).isEqualTo(2262);
        assertThat(linesRead.get()).isEqualTo(2262);
        assertThat(lastStored.get()).isEqualTo(2262);
        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        assertThat(kb.itemCount()).isEqualTo(sampleItems + 2262);
        for (JsonNode row : rows) {
            assertThat(kb.item("gd-" + row.get("TASK_CODE").asText().toLowerCase())).as(row.get("TASK_CODE").asText()).isPresent();
        }
        long publication = knowledgeBase.publication();
        Eventually.until("the index is rebuilt for the import", Duration.ofSeconds(60), () -> retriever.builtFor() >= publication);

        List<String> notFound = new ArrayList<>();
        int first = 0;
        for (ServiceItem item : kb.items()) {
            if (!item.id().startsWith("gd-")) {
                continue;
            }
            List<String> top = retriever.search(pipeline.analyze(item.name())).items().stream().limit(5).map(Candidate::itemId).toList();
            if (!top.contains(item.id())) {
                notFound.add(item.name() + " → " + top);
            } else if (top.get(0).equals(item.id())) {
                first++;
            }
        }
        assertThat(notFound).as("items not among the top 5 when searched by their own name").isEmpty();
        // names that contain one another ("X" and "X（变更）") may put the other first; nearly all come first
        assertThat(first).as("items found first by their own name").isGreaterThan(2262 * 95 / 100);
    }

    @Test
    @Order(3)
    void theAuditFindsEveryGapTheCatalogueHas() {
        AuditReport report = audit.audit(knowledgeBase.snapshot(), LocalDate.of(2026, 11, 30));
        Map<AuditCheck, Long> found = report.findings().stream().filter(f -> f.itemId().startsWith("gd-"))
                .collect(Collectors.groupingBy(AuditFinding::check, Collectors.counting()));

        assertThat(found.get(AuditCheck.MATERIALS_MISSING)).isEqualTo(count(r -> !r.get("material_intro").isArray()
                || java.util.stream.StreamSupport.stream(r.get("material_intro").spliterator(), false).allMatch(m -> ServiceItem.isGap(m.asText()))));
        assertThat(found.get(AuditCheck.CONSULT_PHONE_MISSING)).isEqualTo(count(r -> gap(r, "consult_phone")));
        assertThat(found.get(AuditCheck.COMPLAINT_PHONE_MISSING)).isEqualTo(count(r -> gap(r, "complain_phone")));
        assertThat(found.get(AuditCheck.HALL_ADDRESS_MISSING))
                .isEqualTo(count(r -> gap(r, "handle_location") || r.get("handle_location").asText().contains("无线下办理")
                        || ServiceItem.isGap(r.get("handle_location").asText().replaceFirst("^(办理地点|地点|地址)[:：]\\s*", ""))));
        // the catalogue has no fee, process, legal basis or review date for any item
        assertThat(found.get(AuditCheck.FEE_MISSING)).isEqualTo(2262);
        assertThat(found.get(AuditCheck.PROCESS_MISSING)).isEqualTo(2262);
        assertThat(found.get(AuditCheck.REVIEW_OVERDUE)).isEqualTo(2262);
        assertThat(found.get(AuditCheck.TIME_LIMIT_MISSING)).isGreaterThanOrEqualTo(count(r -> gap(r, "handle_time") && gap(r, "handle_time_limit")));
    }

    @Test
    @Order(4)
    void aCitizenIsToldWhatIsNotGivenAndWhereToAsk() {
        JsonNode row = rows.stream().filter(r -> !r.get("material_intro").isArray() && !gap(r, "consult_phone")).findFirst().orElseThrow();
        ServiceItem item = knowledgeBase.snapshot().item("gd-" + row.get("TASK_CODE").asText().toLowerCase()).orElseThrow();

        Reply reply = dialogue.handle(Channel.WEB, "gd-citizen", item.name() + "需要什么材料");

        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.itemId()).isEqualTo(item.id());
        assertThat(reply.reply()).contains("暂未提供申请材料信息").contains(row.get("consult_phone").asText().strip());
        assertThat(reply.reply()).doesNotContain("null");

        Reply withMaterials = dialogue.handle(Channel.WEB, "gd-citizen-2", "中小学地方课程教材初审需要什么材料");
        assertThat(withMaterials.reply()).contains("广东省中小学地方课程教材审查登记表").doesNotContain("null");
    }

    @Test
    @Order(5)
    void theEditorListShowsThousandsOfItemsAPageAtATime() throws Exception {
        int total = knowledgeBase.snapshot().itemCount();
        int pages = (total + EditorSettings.PAGE_SIZE - 1) / EditorSettings.PAGE_SIZE;

        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/editor").param("page", "2")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("ed").roles("EDITOR")))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("共 <span>" + total + "</span> 个事项，第 <span>2</span> / <span>" + pages + "</span> 页");
        assertThat(html.split("/editor/items/", -1).length - 1).isEqualTo(EditorSettings.PAGE_SIZE);
    }

    @Test
    @Order(6)
    void anImportedItemWithGapsOpensInTheEditorAndItsMaterialsCanBeCompleted() throws Exception {
        ServiceItem item = knowledgeBase.snapshot().item("gd-" + rows.get(1).get("TASK_CODE").asText().toLowerCase()).orElseThrow();
        assertThat(item.materials()).isNotEmpty().allSatisfy(m -> assertThat(m.form()).isNull());
        var editor = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("ed").roles("EDITOR");

        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/editor/items/" + item.id()).with(editor))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(item.name()).contains(item.materials().get(0).name()).contains("未注明").doesNotContain(">null<");

        var save = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/editor/items/" + item.id() + "/materials")
                .with(editor).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        for (ServiceItem.Material m : item.materials()) {
            save.param("name", m.name()).param("form", m.form() == null && m == item.materials().get(0) ? "原件" : "")
                    .param("copies", m == item.materials().get(0) ? "2" : "").param("required", "").param("notes", "");
        }
        mvc.perform(save).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isFound());

        ServiceItem draft = knowledgeBase.snapshot().item(item.id()).orElseThrow(); // published stays as it was
        assertThat(draft.materials().get(0).form()).isNull();
        ServiceItem saved = editorService.history(item.id()).get(0).item();
        assertThat(saved.materials().get(0)).extracting(ServiceItem.Material::form, ServiceItem.Material::copies).containsExactly("原件", 2);
        assertThat(saved.materials().get(1)).extracting(ServiceItem.Material::form, ServiceItem.Material::copies, ServiceItem.Material::required)
                .containsExactly(null, null, null);
    }

    private long count(Predicate<JsonNode> predicate) {
        return rows.stream().filter(predicate).count();
    }

    private static boolean gap(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() || ServiceItem.isGap(v.asText());
    }
}
