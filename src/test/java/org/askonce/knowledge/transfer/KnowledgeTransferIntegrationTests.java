package org.askonce.knowledge.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.askonce.AskOnceApplicationTestAccess;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.lexicon.LexiconEditor;
import org.askonce.knowledge.store.LexiconVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Export and import in the knowledge-base folder format: a round trip gives the same knowledge base; a bad file changes nothing. */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:knowledge-transfer;DB_CLOSE_DELAY=-1"})
class KnowledgeTransferIntegrationTests {

    @Autowired
    KnowledgeTransfer transfer;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    LexiconEditor lexicon;

    @TempDir
    Path temp;

    @Test
    void anExportReadsBackAsTheSameKnowledgeBase() {
        int n = transfer.exportTo(temp.resolve("out"));

        KnowledgeSnapshot back = KnowledgeFolder.read(temp.resolve("out"));
        KnowledgeSnapshot live = knowledgeBase.snapshot();
        assertThat(n).isEqualTo(live.itemCount());
        assertThat(back.items()).containsExactlyInAnyOrderElementsOf(live.items());
        assertThat(back.hallFaqs()).containsExactlyInAnyOrderElementsOf(live.hallFaqs());
        assertThat(back.lexicon().synonyms()).isEqualTo(live.lexicon().synonyms());
    }

    @Test
    void anImportedItemIsPublishedAsANewVersion() throws Exception {
        transfer.exportTo(temp.resolve("kb"));
        Path file = temp.resolve("kb/items/dog-registration.yaml");
        Files.writeString(file, Files.readString(file).replace("居民身份证", "居民身份证或电子身份证"));

        int n = transfer.importFrom(file, "importer");

        assertThat(n).isEqualTo(1);
        assertThat(knowledgeBase.snapshot().item("dog-registration").orElseThrow().materials().get(0).name())
                .isEqualTo("居民身份证或电子身份证");
    }

    @Test
    void anImportThatChangesTheLexiconIsALexiconVersion() throws Exception {
        transfer.exportTo(temp.resolve("lexicon"));
        Files.writeString(temp.resolve("lexicon/lexicon.yaml"), """
                synonyms:
                  养犬登记: [狗证, 养狗证, 汪汪证]
                  社会保障卡: [社保卡片]
                words: [市民卡]
                """);

        transfer.importFrom(temp.resolve("lexicon"), "importer");

        assertThat(knowledgeBase.snapshot().lexicon().synonyms().get("养犬登记")).contains("汪汪证");
        LexiconVersion current = lexicon.history().get(0);
        assertThat(current.publishedBy()).isEqualTo("importer");
        assertThat(current.note()).startsWith("导入：");
        assertThat(lexicon.diff(current.version() - 1, current.version())).singleElement()
                .satisfies(c -> assertThat(c.summary()).isEqualTo("新增 汪汪证 → 养犬登记"));
    }

    @Test
    void aFolderWithOneBadFileIsRefusedWholeWithWhereAndNothingChanges() throws Exception {
        transfer.exportTo(temp.resolve("bad"));
        Path file = temp.resolve("bad/items/social-security-card.yaml");
        Files.writeString(file, Files.readString(file).replaceFirst("department: .*", "department: \"\""));
        long publication = knowledgeBase.publication();
        KnowledgeSnapshot before = knowledgeBase.snapshot();

        assertThatThrownBy(() -> transfer.importFrom(temp.resolve("bad"), "importer"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("social-security-card.yaml").hasMessageContaining("department");
        assertThat(knowledgeBase.publication()).isEqualTo(publication);
        assertThat(knowledgeBase.snapshot().items()).isEqualTo(before.items());
    }

    @Test
    void anEmptyFolderIsRefusedAndNothingChanges() throws Exception {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        long publication = knowledgeBase.publication();

        assertThatThrownBy(() -> transfer.importFrom(empty, "importer"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("什么都没有导入");
        assertThat(knowledgeBase.publication()).isEqualTo(publication);
    }

    @Test
    void aFolderWithOnlyALexiconImportsTheLexiconAndKeepsTheItems() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("lexicon-only"));
        Files.writeString(folder.resolve("lexicon.yaml"), "synonyms:\n  社会保障卡: [社保卡片, 社保本本]\n");
        KnowledgeSnapshot before = knowledgeBase.snapshot();

        int n = transfer.importFrom(folder, "importer");

        assertThat(n).isZero();
        assertThat(knowledgeBase.snapshot().lexicon().synonyms().get("社会保障卡")).contains("社保本本");
        assertThat(knowledgeBase.snapshot().items()).isEqualTo(before.items());
    }

    @Test
    void theJarsExportCommandWritesTheConfiguredDatabasesKnowledgeBase() {
        Path out = temp.resolve("command");
        int exit = AskOnceApplicationTestAccess.transfer("export", out.toString(),
                "--spring.datasource.url=jdbc:h2:mem:transfer-command;DB_CLOSE_DELAY=-1",
                "--askonce.knowledge-base=src/test/resources/mini/kb",
                "--askonce.nlp.training-dir=src/test/resources/mini/training",
                "--askonce.data-dir=" + temp.resolve("data"));

        assertThat(exit).isZero();
        assertThat(out.resolve("items/dog-registration.yaml")).exists();
        assertThat(AskOnceApplicationTestAccess.transfer("import")).isEqualTo(2);
    }
}
