package org.askonce.knowledge.transfer;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.askonce.knowledge.ImportProgress;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.askonce.knowledge.editing.PendingDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Items as spreadsheets: CSV and xlsx exports read back as the same items; a bad file is refused whole with every bad row. */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:spreadsheet-import;DB_CLOSE_DELAY=-1"})
class SpreadsheetImportIntegrationTests {

    @Autowired
    KnowledgeTransfer transfer;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    KnowledgeEditor editor;

    @TempDir
    Path temp;

    @Test
    void csvAndXlsxExportsReadBackAsTheSameItems() {
        for (String name : List.of("items.csv", "items.xlsx")) {
            Path file = temp.resolve(name);
            transfer.exportTo(file);

            SpreadsheetFormat.Result back = SpreadsheetFormat.read(file, knowledgeBase.snapshot());

            assertThat(back.problems()).as(name).isEmpty();
            assertThat(back.items()).as(name).containsExactlyInAnyOrderElementsOf(knowledgeBase.snapshot().items());
        }
    }

    @Test
    void theCsvStartsWithABomAndTheHeaderSoExcelShowsChinese() throws Exception {
        Path file = temp.resolve("template.csv");
        transfer.template(file);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF编号,事项名称,别名");
        assertThat(text.lines().count()).isGreaterThan(1);
    }

    @Test
    void aChangedRowIsImportedAsAPublishedVersionKeepingTheItemsFaqs() throws Exception {
        Path file = temp.resolve("change.csv");
        transfer.exportTo(file);
        int faqs = knowledgeBase.snapshot().item("social-security-card").orElseThrow().faqs().size();
        Files.writeString(file, Files.readString(file).replace("社会保障卡", "社会保障卡（第三代）"));

        transfer.importFrom(file, "importer");

        ServiceItem after = knowledgeBase.snapshot().item("social-security-card").orElseThrow();
        assertThat(after.name()).contains("（第三代）");
        assertThat(after.faqs()).hasSize(faqs);
    }

    @Test
    void aMalformedXlsxChangesNothingAndEveryBadRowIsReported() throws Exception {
        Path good = temp.resolve("good.xlsx");
        transfer.exportTo(good);
        List<List<String>> rows = new ArrayList<>();
        try (var in = Files.newInputStream(good); var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            for (var row : book.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    values.add(formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(values);
            }
        }
        int legal = rows.get(0).indexOf("法定办结时限（工作日）");
        int materials = rows.get(0).indexOf("申请材料");
        int express = rows.get(0).indexOf("支持快递");
        rows.get(1).set(legal, "三十");
        rows.get(2).set(materials, "身份证|原件|两|是");
        rows.get(2).set(express, "也许");
        Path bad = temp.resolve("bad.xlsx");
        try (OutputStream out = Files.newOutputStream(bad)) {
            SpreadsheetFiles.writeXlsx(rows, out);
        }
        long publication = knowledgeBase.publication();
        List<ServiceItem> before = knowledgeBase.snapshot().items();

        assertThatThrownBy(() -> transfer.importFrom(bad, "importer"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("3 处问题")
                .hasMessageContaining("第2行 法定办结时限（工作日）")
                .hasMessageContaining("第3行 申请材料：第1项的份数")
                .hasMessageContaining("第3行 支持快递");
        assertThat(knowledgeBase.publication()).isEqualTo(publication);
        assertThat(knowledgeBase.snapshot().items()).isEqualTo(before);
    }

    @Test
    void theTemplatesExampleRowIsRefusedAndOverwritesNothing() throws Exception {
        Path template = temp.resolve("template.xlsx");
        transfer.template(template);
        long publication = knowledgeBase.publication();
        List<ServiceItem> before = knowledgeBase.snapshot().items();

        assertThatThrownBy(() -> transfer.importFrom(template, "importer"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("什么都没有导入")
                .hasMessageContaining("第2行 编号：“示例-")
                .hasMessageContaining("是模板里的示例行，不会导入");
        assertThat(knowledgeBase.publication()).isEqualTo(publication);
        assertThat(knowledgeBase.snapshot().items()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefusedClearly() throws Exception {
        Path fake = temp.resolve("fake.xlsx");
        Files.writeString(fake, "not a workbook");

        assertThatThrownBy(() -> transfer.importFrom(fake, "importer")).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("Excel");
    }

    @Test
    void anEmptyCellIsImportedAsAGapAndANameTakenByAnotherItemIsRefused() throws Exception {
        Path file = temp.resolve("gaps.csv");
        transfer.exportTo(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        List<List<String>> rows = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.EXCEL.parse(new java.io.StringReader(String.join("\n", lines).replace("\uFEFF", "")))) {
            parser.forEach(r -> rows.add(new ArrayList<>(r.toList())));
        }
        int audience = rows.get(0).indexOf("服务对象");
        int phone = rows.get(0).indexOf("咨询电话");
        rows.get(1).set(audience, "");
        rows.get(1).set(phone, "");
        String id = rows.get(1).get(0);
        java.io.StringWriter out = new java.io.StringWriter();
        SpreadsheetFiles.writeCsv(rows, out);
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);

        transfer.importFrom(file, "importer");

        ServiceItem imported = knowledgeBase.snapshot().item(id).orElseThrow();
        assertThat(imported.audience()).isNull();
        assertThat(imported.consultPhone()).isNull();

        String otherName = knowledgeBase.snapshot().items().stream().filter(i -> !i.id().equals(id)).findFirst().orElseThrow().name();
        rows.get(1).set(rows.get(0).indexOf("事项名称"), otherName);
        rows.subList(2, rows.size()).clear();
        out = new java.io.StringWriter();
        SpreadsheetFiles.writeCsv(rows, out);
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        long publication = knowledgeBase.publication();

        assertThatThrownBy(() -> transfer.importFrom(file, "importer"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("事项名称“" + otherName + "”（编号 " + id + "）与事项")
                .hasMessageContaining("什么都没有导入");
        assertThat(knowledgeBase.publication()).isEqualTo(publication);
        assertThat(knowledgeBase.snapshot().item(id).orElseThrow().name()).isEqualTo(imported.name());
    }

    @Test
    void anImportOverADraftWaitingForReviewSaysSo() throws Exception {
        ServiceItem live = knowledgeBase.snapshot().items().get(0);
        editor.saveDraft(live.withMaterials(List.of(new ServiceItem.Material("新材料", "原件", 1, true, null, null, null))), "editor-wu", "补材料");
        assertThat(editor.pendingReview()).extracting(PendingDraft::itemId).contains(live.id());
        Path file = temp.resolve("over-draft.csv");
        transfer.exportTo(file);
        List<String> notices = new ArrayList<>();

        transfer.importFrom(file, "importer", new ImportProgress() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        });

        assertThat(notices).singleElement().asString().contains("1 个事项有待审核的草稿", live.name(), "版本历史");
        assertThat(editor.pendingReview()).extracting(PendingDraft::itemId).doesNotContain(live.id());
        assertThat(editor.history(live.id())).anySatisfy(v -> assertThat(v.note()).isEqualTo("补材料"));
    }
}
