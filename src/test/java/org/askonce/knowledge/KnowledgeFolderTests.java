package org.askonce.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.askonce.MiniKnowledge;
import org.askonce.knowledge.audit.AuditCheck;
import org.askonce.knowledge.audit.KnowledgeAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

class KnowledgeFolderTests {

    @TempDir
    Path dir;

    private Path copyOfMini() throws IOException {
        Path kb = dir.resolve("kb");
        FileSystemUtils.copyRecursively(MiniKnowledge.KB, kb);
        return kb;
    }

    private static void replaceIn(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void readsItemsFaqsAndLexicon() {
        KnowledgeSnapshot kb = KnowledgeFolder.read(MiniKnowledge.KB);
        assertThat(kb.itemCount()).isEqualTo(2);
        assertThat(kb.item("dog-registration")).get().satisfies(i -> {
            assertThat(i.materials()).hasSize(6);
            assertThat(i.materials().get(5).required()).isFalse();
            assertThat(i.materials().get(5).condition()).isEqualTo("委托他人代办的");
            assertThat(i.halls()).hasSize(2);
            assertThat(i.faqs()).allSatisfy(f -> assertThat(f.itemId()).isEqualTo("dog-registration"));
        });
        assertThat(kb.hallFaqs()).singleElement().satisfies(f -> assertThat(f.topic()).isEqualTo(Element.HOURS));
        assertThat(kb.lexicon().synonyms()).containsEntry("养犬登记", java.util.List.of("狗证", "养狗证"));
    }

    @Test
    void missingRequiredFieldNamesFileAndField() throws IOException {
        Path kb = copyOfMini();
        replaceIn(kb.resolve("items/social-security-card.yaml"), "department: 杭州市人力资源和社会保障局", "department: \"\"");
        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("social-security-card.yaml: field 'department': must not be blank")
                .hasMessageContaining("nothing was loaded");
    }

    @Test
    void aMissingGuideElementIsKeptAsAGapNotRefused() throws IOException {
        Path kb = copyOfMini();
        replaceIn(kb.resolve("items/social-security-card.yaml"), "consultPhone: 0571-96225", "consultPhone: \"\"");
        KnowledgeSnapshot read = KnowledgeFolder.read(kb);
        assertThat(read.item("social-security-card")).get().extracting(ServiceItem::consultPhone).isEqualTo("");
        assertThat(ServiceItem.isGap(read.item("social-security-card").orElseThrow().consultPhone())).isTrue();
    }

    @Test
    void badNestedValueNamesThePath() throws IOException {
        Path kb = copyOfMini();
        replaceIn(kb.resolve("items/dog-registration.yaml"), "    copies: 2\n", "    copies: 0\n");
        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .hasMessageContaining("dog-registration.yaml: field 'materials[4].copies'");
    }

    @Test
    void unknownFieldIsRejectedWithItsName() throws IOException {
        Path kb = copyOfMini();
        replaceIn(kb.resolve("items/social-security-card.yaml"), "express: true", "express: true\nexpres: false");
        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .hasMessageContaining("social-security-card.yaml: field 'expres'");
    }

    @Test
    void wrongTypeNamesTheFieldAndLine() throws IOException {
        Path kb = copyOfMini();
        replaceIn(kb.resolve("items/social-security-card.yaml"), "visits: 1", "visits: once");
        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .hasMessageContaining("social-security-card.yaml: field 'visits' (line");
    }

    @Test
    void idMustMatchTheFileName() throws IOException {
        Path kb = copyOfMini();
        Files.move(kb.resolve("items/social-security-card.yaml"), kb.resolve("items/citizen-card.yaml"));
        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .hasMessageContaining("citizen-card.yaml: field 'id': 'social-security-card' must equal the file name 'citizen-card'");
    }

    @Test
    void invalidYamlIsReportedWithItsLine() throws IOException {
        Path kb = copyOfMini();
        Files.writeString(kb.resolve("items/broken.yaml"), "id: broken\nname: [unclosed\n");
        assertThatThrownBy(() -> KnowledgeFolder.read(kb)).hasMessageContaining("broken.yaml").hasMessageMatching("(?s).*line \\d+.*");
    }

    @Test
    void colloquialTermMappedToTwoOfficialTermsIsRejected() throws IOException {
        Path kb = copyOfMini();
        replaceIn(kb.resolve("lexicon.yaml"), "社会保障卡: [社保卡片]", "社会保障卡: [社保卡片, 狗证]");
        assertThatThrownBy(() -> KnowledgeFolder.read(kb)).hasMessageContaining("'狗证' already maps to");
    }

    @Test
    void missingFolderSaysWhichSettingToChange() {
        assertThatThrownBy(() -> KnowledgeFolder.read(dir.resolve("nope")))
                .hasMessageContaining("askonce.knowledge-base");
    }

    @Test
    void missingFolderIsAnErrorNamingThePath() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> KnowledgeFolder.read(missing))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }

    @Test
    void anEmptyFolderIsAnEmptyKnowledgeBase() throws IOException {
        Path kb = Files.createDirectory(dir.resolve("empty"));

        KnowledgeSnapshot read = KnowledgeFolder.read(kb);

        assertThat(read.items()).isEmpty();
        assertThat(read.hallFaqs()).isEmpty();
        assertThat(read.lexicon().entries()).isEmpty();
    }

    @Test
    void anEmptyItemsFolderMeansNoItems() throws IOException {
        Path kb = copyOfMini();
        FileSystemUtils.deleteRecursively(kb.resolve("items"));
        Files.createDirectory(kb.resolve("items"));

        KnowledgeSnapshot read = KnowledgeFolder.read(kb);

        assertThat(read.items()).isEmpty();
        assertThat(read.hallFaqs()).extracting(Faq::id).containsExactly("hall-weekend");
        assertThat(read.lexicon().synonyms()).containsKeys("养犬登记", "社会保障卡");
    }

    @Test
    void withoutAnItemsFolderTheHallFaqsAndLexiconAreStillRead() throws IOException {
        Path kb = copyOfMini();
        FileSystemUtils.deleteRecursively(kb.resolve("items"));

        KnowledgeSnapshot read = KnowledgeFolder.read(kb);

        assertThat(read.items()).isEmpty();
        assertThat(read.hallFaqs()).extracting(Faq::id).containsExactly("hall-weekend");
        assertThat(read.lexicon().words()).containsExactly("市民卡");
    }

    @Test
    void withoutHallFaqsAndLexiconTheItemsAreStillRead() throws IOException {
        Path kb = copyOfMini();
        Files.delete(kb.resolve("hall-faqs.yaml"));
        Files.delete(kb.resolve("lexicon.yaml"));

        KnowledgeSnapshot read = KnowledgeFolder.read(kb);

        assertThat(read.items()).extracting(ServiceItem::id).containsExactlyInAnyOrder("dog-registration", "social-security-card");
        assertThat(read.hallFaqs()).isEmpty();
        assertThat(read.lexicon().entries()).isEmpty();
    }

    @Test
    void aBadHallFaqIsRejectedEvenWithoutItems() throws IOException {
        Path kb = copyOfMini();
        FileSystemUtils.deleteRecursively(kb.resolve("items"));
        replaceIn(kb.resolve("hall-faqs.yaml"), "question: 周末大厅开门吗？", "question: \"\"");

        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("hall-faqs.yaml: field 'faqs[0].question'")
                .hasMessageContaining("nothing was loaded");
    }

    @Test
    void aBadLexiconIsRejectedEvenWithoutItems() throws IOException {
        Path kb = Files.createDirectory(dir.resolve("lexicon-only"));
        Files.writeString(kb.resolve("lexicon.yaml"), "synonyms:\n  养犬登记: [狗证]\n  社会保障卡: [狗证]\n");

        assertThatThrownBy(() -> KnowledgeFolder.read(kb)).hasMessageContaining("'狗证' already maps to");
    }

    @Test
    void anItemsPathThatIsNotAFolderIsRejected() throws IOException {
        Path kb = Files.createDirectory(dir.resolve("items-file"));
        Files.writeString(kb.resolve("items"), "id: dog-registration\n");

        assertThatThrownBy(() -> KnowledgeFolder.read(kb)).hasMessageContaining("items: not a folder");
    }

    private static void writeEvent(Path kb, String steps) throws IOException {
        Files.createDirectories(kb.resolve("events"));
        Files.writeString(kb.resolve("events/adopt-dog.yaml"), """
                id: adopt-dog
                name: 养犬一件事
                wordings:
                - 养狗要办哪些手续
                steps:
                """ + steps + """
                source: 示例
                """);
    }

    @Test
    void readsALifeEventWithItsStepsInOrder() throws IOException {
        Path kb = copyOfMini();
        writeEvent(kb, """
                - item: dog-registration
                  why: 养犬须登记
                - item: social-security-card
                  why: 示例
                  condition: 需要的
                """);
        KnowledgeSnapshot read = KnowledgeFolder.read(kb);
        assertThat(read.event("adopt-dog")).get().satisfies(e -> {
            assertThat(e.name()).isEqualTo("养犬一件事");
            assertThat(e.itemIds()).containsExactly("dog-registration", "social-security-card");
            assertThat(e.steps().get(1).condition()).isEqualTo("需要的");
        });
        assertThat(read.eventsUsing("dog-registration")).extracting(LifeEvent::id).containsExactly("adopt-dog");
    }

    @Test
    void aLifeEventStepNamingAnUnknownItemIsRefusedInChineseNamingTheEventAndTheItem() throws IOException {
        Path kb = copyOfMini();
        writeEvent(kb, """
                - item: dog-registration
                  why: 养犬须登记
                - item: dog-vaccination
                  why: 先免疫
                """);
        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("一件事“养犬一件事”第2步的事项“dog-vaccination”不存在")
                .hasMessageContaining("nothing was loaded");
    }

    @Test
    void aLifeEventWithoutStepsIsRefused() throws IOException {
        Path kb = copyOfMini();
        writeEvent(kb, "  []\n");
        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("adopt-dog.yaml: field 'steps'");
    }

    @Test
    void aLifeEventIsWrittenAndReadBack() throws IOException {
        Path kb = copyOfMini();
        writeEvent(kb, """
                - item: dog-registration
                  why: 养犬须登记
                """);
        KnowledgeSnapshot read = KnowledgeFolder.read(kb);
        Path out = dir.resolve("out");
        KnowledgeFolder.write(read, out);
        assertThat(KnowledgeFolder.read(out).events()).isEqualTo(read.events());
    }

    @Test
    void theSampleKnowledgeBaseHasTheTwelveLifeEvents() {
        assertThat(KnowledgeFolder.read(Path.of("knowledge-base")).events()).extracting(LifeEvent::name).containsExactlyInAnyOrder(
                "开办企业一件事", "开餐馆一件事", "新生儿出生一件事", "结婚一件事", "迁居杭州一件事", "退休一件事", "失业一件事", "购房一件事",
                "新车上牌一件事", "养犬一件事", "亲人身故一件事", "入职就业一件事");
    }

    @Test
    void aLifeEventStepWrittenForAnItemsOldNameIsRefusedUntilTheEventIsUpdated() throws IOException {
        Path kb = copyOfMini();
        writeEvent(kb, """
                - item: dog-registration
                  itemName: 犬证办理
                  why: 养犬须登记
                """);
        assertThatThrownBy(() -> KnowledgeFolder.read(kb))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("一件事“养犬一件事”第1步写的事项名称“犬证办理”与事项“养犬登记（犬证办理）”不一致");
    }

    @Test
    void aRenamedItemThatALifeEventUsesIsFlaggedByTheAudit() throws IOException {
        Path kb = copyOfMini();
        writeEvent(kb, """
                - item: dog-registration
                  itemName: 养犬登记（犬证办理）
                  why: 养犬须登记
                """);
        KnowledgeSnapshot read = KnowledgeFolder.read(kb);
        ServiceItem dog = read.item("dog-registration").orElseThrow();
        ServiceItem renamed = new ServiceItem(dog.id(), "养犬登记", dog.aliases(), dog.keywords(), dog.department(), dog.audience(),
                dog.itemType(), dog.conditions(), dog.materials(), dog.timeLimit(), dog.fee(), dog.visits(), dog.halls(), dog.online(),
                dog.express(), dog.appointment(), dog.process(), dog.legalBasis(), dog.consultPhone(), dog.complaintPhone(),
                dog.lastReviewed(), dog.source(), dog.faqs());
        KnowledgeSnapshot after = new KnowledgeSnapshot(read.items().stream().map(i -> i.id().equals(dog.id()) ? renamed : i).toList(),
                read.hallFaqs(), read.lexicon(), read.events());
        assertThat(KnowledgeAudit.renamedEventSteps(after)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(AuditCheck.EVENT_STEP_RENAMED);
            assertThat(f.itemName()).isEqualTo("养犬登记");
            assertThat(f.detail()).isEqualTo("一件事“养犬一件事”第1步写的是“养犬登记（犬证办理）”，事项已改名，请更新该一件事");
        });
        assertThat(KnowledgeAudit.renamedEventSteps(read)).isEmpty();
    }
}
