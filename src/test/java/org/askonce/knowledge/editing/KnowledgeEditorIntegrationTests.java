package org.askonce.knowledge.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.askonce.Eventually;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.Reply;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.store.ChangeLog;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Versions, publishing and rolling back: a draft changes nothing citizens get, a publication does
 * (after the background rebuild, without a restart), any version can be restored, every change is
 * in the history and the audit log, and answers during rebuilds never fail.
 */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:knowledge-editor;DB_CLOSE_DELAY=-1"})
@DirtiesContext
class KnowledgeEditorIntegrationTests {

    private static final String ITEM = "dog-registration";

    @Autowired
    KnowledgeEditor editor;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    Retriever retriever;
    @Autowired
    DialogueEngine dialogue;

    private int user;

    private String materialsAnswer() {
        return dialogue.handle(Channel.WEB, "editor-test-" + (user++), "狗证要带什么材料").reply();
    }

    private void awaitIndex() throws InterruptedException {
        Eventually.until("the index of publication " + knowledgeBase.publication(), Duration.ofSeconds(20),
                () -> retriever.builtFor() == knowledgeBase.publication());
    }

    private static ServiceItem withFirstMaterial(ServiceItem item, String name) {
        List<ServiceItem.Material> materials = new ArrayList<>(item.materials());
        ServiceItem.Material first = materials.get(0);
        materials.set(0, new ServiceItem.Material(name, first.form(), first.copies(), first.required(), first.condition(),
                first.notes(), first.sampleUrl()));
        return item.withMaterials(materials);
    }

    @Test
    void aDraftChangesNothingAPublicationChangesTheAnswerAndARollbackRestoresIt() throws Exception {
        ServiceItem live = knowledgeBase.snapshot().item(ITEM).orElseThrow();
        String before = materialsAnswer();
        assertThat(before).contains(live.materials().get(0).name());

        ItemVersion draft = editor.saveDraft(withFirstMaterial(live, "电子社保卡或居民身份证"), "editor-wang", "身份证明可用电子社保卡");
        assertThat(draft.state()).isEqualTo(ItemVersion.State.DRAFT);
        assertThat(materialsAnswer()).isEqualTo(before);

        ItemVersion published = editor.publish(ITEM, draft.version(), "editor-li");
        awaitIndex();
        assertThat(published.state()).isEqualTo(ItemVersion.State.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo("editor-li");
        assertThat(materialsAnswer()).contains("电子社保卡或居民身份证");

        editor.rollBack(ITEM, 1, "editor-li");
        awaitIndex();
        assertThat(materialsAnswer()).contains(live.materials().get(0).name()).doesNotContain("电子社保卡或居民身份证");

        List<ItemVersion> history = editor.history(ITEM);
        assertThat(history).extracting(ItemVersion::version).containsExactly(3, 2, 1);
        assertThat(history).extracting(ItemVersion::state)
                .containsExactly(ItemVersion.State.PUBLISHED, ItemVersion.State.SUPERSEDED, ItemVersion.State.SUPERSEDED);
        assertThat(VersionDiff.between(editor.version(ITEM, 1).orElseThrow().item(), editor.version(ITEM, 2).orElseThrow().item()))
                .singleElement().satisfies(c -> {
                    assertThat(c.label()).isEqualTo("申请材料");
                    assertThat(c.removed()).singleElement().asString().startsWith(live.materials().get(0).name());
                    assertThat(c.added()).singleElement().asString().startsWith("电子社保卡或居民身份证");
                });
        assertThat(editor.auditLog(ITEM, 10)).extracting(ChangeLog.Entry::action)
                .containsSubsequence("PUBLISH", "ROLLBACK", "DRAFT", "PUBLISH", "DRAFT");
        assertThat(editor.auditLog(ITEM, 10)).extracting(ChangeLog.Entry::username).contains("editor-wang", "editor-li");
    }

    @Test
    void anInvalidDraftIsRefusedWithEveryBadFieldAndNothingIsStored() {
        ServiceItem live = knowledgeBase.snapshot().item("social-security-card").orElseThrow();
        ServiceItem broken = new ServiceItem(live.id(), "", live.aliases(), live.keywords(), live.department(), "外国人",
                live.itemType(), live.conditions(), List.of(new ServiceItem.Material("身份证", "扫描件", 0, true, null, null, null)), live.timeLimit(), live.fee(), live.visits(), live.halls(), live.online(),
                live.express(), live.appointment(), live.process(), live.legalBasis(), live.consultPhone(), live.complaintPhone(),
                live.lastReviewed(), live.source(), live.faqs());

        List<ItemVersion> before = editor.history("social-security-card");

        assertThatThrownBy(() -> editor.saveDraft(broken, "editor-wang", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("事项名称（name）：不能为空")
                .hasMessageContaining("服务对象（audience）：应为“个人”“法人”或“个人和法人”")
                .hasMessageContaining("申请材料（materials[0].form）：应为 原件、复印件、原件和复印件 或 电子证照")
                .hasMessageContaining("申请材料（materials[0].copies）：数值超出范围");
        assertThat(editor.history("social-security-card")).extracting(ItemVersion::version)
                .containsExactlyElementsOf(before.stream().map(ItemVersion::version).toList());
    }

    @Test
    void answersWhileTheIndexIsRebuiltNeverFail() throws Exception {
        ServiceItem live = knowledgeBase.snapshot().item("social-security-card").orElseThrow();
        AtomicBoolean publishing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> askers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            Thread asker = new Thread(() -> {
                int i = 0;
                while (publishing.get()) {
                    try {
                        Reply r = dialogue.handle(Channel.WEB, "rebuild-" + thread + "-" + (i++), "社保卡办理要带什么材料");
                        outcomes.add(r.action());
                    } catch (RuntimeException e) {
                        outcomes.add(e);
                    }
                }
            });
            asker.start();
            askers.add(asker);
        }
        for (int round = 0; round < 4; round++) {
            ItemVersion draft = editor.saveDraft(withFirstMaterial(live, "居民身份证（第" + round + "轮）"), "editor-wang", null);
            editor.publish("social-security-card", draft.version(), "editor-li");
            awaitIndex();
        }
        publishing.set(false);
        for (Thread asker : askers) {
            asker.join();
        }

        assertThat(outcomes).isNotEmpty();
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isEqualTo(Action.ANSWER));
        assertThat(dialogue.handle(Channel.WEB, "rebuild-after", "社保卡办理要带什么材料").reply()).contains("居民身份证（第3轮）");
    }
}
