package org.askonce.knowledge.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.askonce.accounts.PublishRight;
import org.askonce.accounts.Role;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.audit.AuditFinding;
import org.askonce.knowledge.audit.KnowledgeAudit;
import org.askonce.knowledge.store.ChangeLog;
import org.askonce.knowledge.transfer.KnowledgeTransfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Life events edited like items (EventEditor) on the two-item test knowledge base: a draft changes
 * nothing citizens get, publishing does, a draft can be sent back, any version restored, an event
 * retired; every rule of a draft is reported at once, in Chinese.
 */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:event-editor;DB_CLOSE_DELAY=-1"})
class EventEditorIntegrationTests {

    private static final String DOG = "dog-registration";
    private static final String CARD = "social-security-card";

    @Autowired
    EventEditor events;
    @Autowired
    KnowledgeEditor items;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    KnowledgeTransfer transfer;

    @TempDir
    Path temp;

    private static LifeEvent event(String id, String name, List<String> wordings, List<LifeEvent.Step> steps) {
        return new LifeEvent(id, name, wordings, "测试用的一件事", steps, null, "测试");
    }

    private static LifeEvent dogAndCard(String id, String name) {
        return event(id, name, List.of(name + "要办哪些手续"), List.of(
                new LifeEvent.Step(DOG, null, "养犬须登记", null),
                new LifeEvent.Step(CARD, null, "就医要用社保卡", "没有社保卡的")));
    }

    private String itemName(String id) {
        return knowledgeBase.snapshot().item(id).orElseThrow().name();
    }

    @Test
    void aDraftIsNotAnsweredUntilPublishedAndTheItemNamesComeFromTheItems() {
        EventVersion draft = events.saveDraft(dogAndCard("ev-publish", "养狗办卡一件事"), "editor-wang", "新建");

        assertThat(draft.state()).isEqualTo(EventVersion.State.DRAFT);
        assertThat(draft.event().steps()).extracting(LifeEvent.Step::itemName).containsExactly(itemName(DOG), itemName(CARD));
        assertThat(knowledgeBase.snapshot().event("ev-publish")).isEmpty();
        assertThat(events.pendingReview()).extracting(EventEditor.Pending::eventId).contains("ev-publish");

        EventVersion published = events.publish("ev-publish", draft.version(), "reviewer-li");

        assertThat(published.state()).isEqualTo(EventVersion.State.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo("reviewer-li");
        assertThat(knowledgeBase.snapshot().event("ev-publish")).contains(draft.event());
        assertThat(events.pendingReview()).extracting(EventEditor.Pending::eventId).doesNotContain("ev-publish");
        assertThat(events.auditLog("ev-publish", 10)).extracting(ChangeLog.Entry::action).containsExactly("PUBLISH", "DRAFT");
    }

    @Test
    void aRollBackPublishesTheOldStepsAsANewVersion() {
        events.publish("ev-rollback", events.saveDraft(dogAndCard("ev-rollback", "回滚测试一件事"), "ed", null).version(), "rev");
        LifeEvent oneMore = dogAndCard("ev-rollback", "回滚测试一件事");
        LifeEvent swapped = event("ev-rollback", oneMore.name(), oneMore.wordings(), List.of(oneMore.steps().get(1), oneMore.steps().get(0)));
        events.publish("ev-rollback", events.saveDraft(swapped, "ed", "调换顺序").version(), "rev");
        assertThat(knowledgeBase.snapshot().event("ev-rollback").orElseThrow().itemIds()).containsExactly(CARD, DOG);

        EventVersion restored = events.rollBack("ev-rollback", 1, "rev");

        assertThat(restored.version()).isEqualTo(3);
        assertThat(knowledgeBase.snapshot().event("ev-rollback").orElseThrow().itemIds()).containsExactly(DOG, CARD);
        assertThat(events.history("ev-rollback")).extracting(EventVersion::state)
                .containsExactly(EventVersion.State.PUBLISHED, EventVersion.State.SUPERSEDED, EventVersion.State.SUPERSEDED);
        assertThat(VersionDiff.betweenEvents(events.version("ev-rollback", 1).orElseThrow().event(),
                events.version("ev-rollback", 2).orElseThrow().event()))
                .singleElement().satisfies(f -> {
                    assertThat(f.label()).isEqualTo("步骤");
                    assertThat(f.added()).contains("第1步 社会保障卡（市民卡）申领：就医要用社保卡；办理情形：没有社保卡的");
                });
    }

    @Test
    void everyProblemOfADraftIsReportedAtOnceInChineseAndNothingIsStored() {
        LifeEvent broken = new LifeEvent("Bad Id", " ", List.of("养狗", "养狗"), null, List.of(
                new LifeEvent.Step(DOG, null, " ", null),
                new LifeEvent.Step(DOG, null, "再登记一次", null),
                new LifeEvent.Step("no-such-item", null, "不存在的事项", null)), null, "");

        assertThatThrownBy(() -> events.saveDraft(broken, "editor-wang", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("编号（id）只能用小写英文字母、数字和连字符")
                .hasMessageContaining("名称（name）不能为空")
                .hasMessageContaining("市民的说法“养狗”重复（wordings[1]）")
                .hasMessageContaining("第1步的“为什么要办”不能为空（steps[0].why）")
                .hasMessageContaining("第2步的事项“" + itemName(DOG) + "”重复出现（steps[1].item）")
                .hasMessageContaining("第3步的事项“no-such-item”不存在或尚未发布（steps[2].item）")
                .hasMessageContaining("信息来源（source）不能为空");
        assertThat(events.history("Bad Id")).isEmpty();
    }

    @Test
    void aNewEventNeedsTwoStepsAWordingAndAStepWithAnItem() {
        LifeEvent thin = new LifeEvent("ev-thin", "单步一件事", List.of(), null,
                List.of(new LifeEvent.Step(null, null, "没选事项", null)), null, "测试");

        assertThatThrownBy(() -> events.saveDraft(thin, "editor-wang", null))
                .hasMessageContaining("市民的说法（wordings）至少要写一条")
                .hasMessageContaining("步骤（steps）至少要有 2 个，现在有 1 个")
                .hasMessageContaining("第1步没有选择事项（steps[0].item）");
    }

    @Test
    void theNameIsUniqueAmongEventsAndNoItemsName() {
        events.publish("ev-taken", events.saveDraft(dogAndCard("ev-taken", "重名测试一件事"), "ed", null).version(), "rev");

        assertThatThrownBy(() -> events.saveDraft(dogAndCard("ev-other", "重名测试一件事"), "ed", null))
                .hasMessageContaining("一件事名称“重名测试一件事”已被另一件事使用");
        assertThatThrownBy(() -> events.saveDraft(dogAndCard("ev-other", itemName(DOG)), "ed", null))
                .hasMessageContaining("一件事名称“" + itemName(DOG) + "”与事项同名");
        // the event itself keeps its name in a new draft
        assertThat(events.saveDraft(dogAndCard("ev-taken", "重名测试一件事"), "ed", "再存一次").version()).isEqualTo(2);
    }

    @Test
    void aDraftSentBackNeedsAReasonAndLeavesTheQueueUntilTheNextDraft() {
        EventVersion draft = events.saveDraft(dogAndCard("ev-return", "退回测试一件事"), "editor-zhou", "新建");

        assertThatThrownBy(() -> events.returnDraft("ev-return", draft.version(), "rev", "  "))
                .hasMessageContaining("请写明退回的理由");
        EventVersion back = events.returnDraft("ev-return", draft.version(), "reviewer-qian", "第2步的办理情形请写清楚");

        assertThat(back.returned().comment()).isEqualTo("第2步的办理情形请写清楚");
        assertThat(back.returned().by()).isEqualTo("reviewer-qian");
        assertThat(events.pendingReview()).extracting(EventEditor.Pending::eventId).doesNotContain("ev-return");
        assertThat(events.rows()).filteredOn(r -> r.id().equals("ev-return")).singleElement()
                .satisfies(r -> assertThat(r.sentBack()).isTrue());
        assertThatThrownBy(() -> events.returnDraft("ev-return", draft.version(), "rev", "再退一次")).hasMessageContaining("已由 reviewer-qian 退回");

        events.saveDraft(dogAndCard("ev-return", "退回测试一件事"), "editor-zhou", "已改");
        assertThat(events.pendingReview()).extracting(EventEditor.Pending::eventId).contains("ev-return");
    }

    @Test
    void aRetiredEventIsNoLongerAnsweredAndARollBackPublishesItAgain() {
        events.publish("ev-retire", events.saveDraft(dogAndCard("ev-retire", "停用测试一件事"), "ed", null).version(), "rev");

        EventVersion retired = events.retire("ev-retire", "rev", "政策调整");

        assertThat(retired.state()).isEqualTo(EventVersion.State.RETIRED);
        assertThat(knowledgeBase.snapshot().event("ev-retire")).isEmpty();
        assertThat(events.rows()).filteredOn(r -> r.id().equals("ev-retire")).singleElement()
                .satisfies(r -> assertThat(r.retired()).isTrue());
        assertThat(events.pendingReview()).extracting(EventEditor.Pending::eventId).doesNotContain("ev-retire");
        assertThatThrownBy(() -> events.retire("ev-retire", "rev", null)).hasMessageContaining("现在没有发布");

        events.rollBack("ev-retire", 1, "rev");
        assertThat(knowledgeBase.snapshot().event("ev-retire")).isPresent();
        assertThat(events.auditLog("ev-retire", 10)).extracting(ChangeLog.Entry::actionLabel).contains("停用", "回滚");
    }

    @Test
    void anEditorMayNotPublishSendBackRollBackOrRetire() {
        EventVersion draft = events.saveDraft(dogAndCard("ev-right", "权限测试一件事"), "ed", null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ed", null,
                List.of(new SimpleGrantedAuthority(Role.EDITOR.authority()))));
        try {
            assertThatThrownBy(() -> events.publish("ev-right", draft.version(), "ed")).isInstanceOf(PublishRight.Refused.class);
            assertThatThrownBy(() -> events.returnDraft("ev-right", draft.version(), "ed", "不行")).isInstanceOf(PublishRight.Refused.class);
            assertThatThrownBy(() -> events.rollBack("ev-right", 1, "ed")).isInstanceOf(PublishRight.Refused.class);
            assertThatThrownBy(() -> events.retire("ev-right", "ed", null)).isInstanceOf(PublishRight.Refused.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(knowledgeBase.snapshot().event("ev-right")).isEmpty();
    }

    @Test
    void anItemRenamedAfterTheEventIsFlaggedAndANewDraftAdoptsItsName() {
        events.publish("ev-rename", events.saveDraft(dogAndCard("ev-rename", "改名测试一件事"), "ed", null).version(), "rev");
        ServiceItem card = items.history(CARD).get(0).item();
        String oldName = card.name();
        ServiceItem renamed = new ServiceItem(card.id(), "社会保障卡申领（改名测试）", card.aliases(), card.keywords(), card.department(),
                card.audience(), card.itemType(), card.conditions(), card.materials(), card.timeLimit(), card.fee(), card.visits(),
                card.halls(), card.online(), card.express(), card.appointment(), card.process(), card.legalBasis(), card.consultPhone(),
                card.complaintPhone(), card.lastReviewed(), card.source(), card.faqs());
        try {
            items.publish(CARD, items.saveDraft(renamed, "ed", "改名").version(), "rev");

            LifeEvent live = knowledgeBase.snapshot().event("ev-rename").orElseThrow();
            assertThat(events.renamedSteps(live)).containsEntry(1, "社会保障卡申领（改名测试）");
            assertThat(KnowledgeAudit.renamedEventSteps(knowledgeBase.snapshot())).extracting(AuditFinding::detail)
                    .anySatisfy(d -> assertThat(d).contains("改名测试一件事", oldName));

            EventVersion adopted = events.saveDraft(live, "ed", "采用新名称");
            assertThat(adopted.event().steps().get(1).itemName()).isEqualTo("社会保障卡申领（改名测试）");
            events.publish("ev-rename", adopted.version(), "rev");
            assertThat(events.renamedSteps(knowledgeBase.snapshot().event("ev-rename").orElseThrow())).isEmpty();
        } finally {
            items.publish(CARD, items.saveDraft(card, "ed", "改回").version(), "rev");
            LifeEvent live = knowledgeBase.snapshot().event("ev-rename").orElseThrow();
            events.publish("ev-rename", events.saveDraft(live, "ed", "改回后采用原名称").version(), "rev");
        }
    }

    @Test
    void aFolderImportPublishesItsEventsAndAnExportImportedAgainChangesNone() throws Exception {
        events.publish("ev-export", events.saveDraft(dogAndCard("ev-export", "导出测试一件事"), "ed", null).version(), "rev");
        transfer.exportTo(temp.resolve("kb"));
        assertThat(temp.resolve("kb/events/ev-export.yaml")).exists();
        int versions = events.history("ev-export").size();

        transfer.importFrom(temp.resolve("kb"), "importer");
        assertThat(events.history("ev-export")).hasSize(versions);
        assertThat(knowledgeBase.snapshot().event("ev-export")).isPresent();

        Path file = temp.resolve("kb/events/ev-export.yaml");
        Files.writeString(file, Files.readString(file).replace("导出测试一件事要办哪些手续", "导出测试要跑哪些部门"));
        transfer.importFrom(temp.resolve("kb"), "importer");

        assertThat(knowledgeBase.snapshot().event("ev-export").orElseThrow().wordings()).containsExactly("导出测试要跑哪些部门");
        assertThat(events.history("ev-export").get(0)).satisfies(v -> {
            assertThat(v.state()).isEqualTo(EventVersion.State.PUBLISHED);
            assertThat(v.author()).isEqualTo("importer");
            assertThat(v.note()).startsWith("导入：");
        });
    }
}
