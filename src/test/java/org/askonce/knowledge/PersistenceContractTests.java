package org.askonce.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.askonce.MiniKnowledge;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversation;
import org.askonce.dialogue.ConversationStore;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.Reply;
import org.askonce.dialogue.Turn;
import org.askonce.knowledge.editing.EventEditor;
import org.askonce.knowledge.editing.EventVersion;
import org.askonce.knowledge.editing.ItemVersion;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.askonce.knowledge.editing.PendingDraft;
import org.askonce.knowledge.store.KnowledgeRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database must do, run against H2 and against PostgreSQL by the two subclasses: the
 * knowledge base loaded on first start reads back exactly as the files say, a failed load leaves
 * nothing half-stored, and conversations and turns are kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training"})
abstract class PersistenceContractTests {

    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    KnowledgeRepository repository;
    @Autowired
    DialogueEngine dialogue;
    @Autowired
    Conversations conversationFacade;
    @Autowired
    ConversationStore conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KnowledgeEditor editor;
    @Autowired
    EventEditor events;

    @Test
    void firstStartLoadsTheKnowledgeBaseFolderAndItReadsBackUnchanged() {
        KnowledgeSnapshot files = KnowledgeFolder.read(MiniKnowledge.KB);
        KnowledgeSnapshot stored = knowledgeBase.snapshot();
        assertThat(stored.items()).containsExactlyInAnyOrderElementsOf(files.items());
        assertThat(stored.hallFaqs()).isEqualTo(files.hallFaqs());
        assertThat(stored.lexicon().words()).isEqualTo(files.lexicon().words());
        assertThat(stored.lexicon().synonyms().get("养犬登记")).containsExactlyInAnyOrder("狗证", "养狗证");
    }

    @Test
    void aDraftSentBackKeepsWhoWhenAndWhyAndLeavesTheReviewQueue() {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "contract-sent-back", "退回存储测试事项"), "editor-a", "新建");

        editor.returnDraft("contract-sent-back", 1, "reviewer-b", "请核对办理地点");

        assertThat(editor.version("contract-sent-back", 1).orElseThrow().returned()).satisfies(r -> {
            assertThat(r.by()).isEqualTo("reviewer-b");
            assertThat(r.comment()).isEqualTo("请核对办理地点");
            assertThat(r.at()).isNotNull();
        });
        assertThat(editor.pendingReview()).extracting(PendingDraft::itemId).doesNotContain("contract-sent-back");
        assertThat(editor.returnedDrafts()).extracting(ItemVersion::itemId).contains("contract-sent-back");
    }

    @Test
    void eventVersionsKeepTheirContentStateReviewerAndComment() {
        LifeEvent event = new LifeEvent("contract-event", "存储测试一件事", List.of("存储测试要办哪些手续"), "测试", List.of(
                new LifeEvent.Step("dog-registration", null, "养犬须登记", null),
                new LifeEvent.Step("social-security-card", null, "就医要用社保卡", "没有社保卡的")), null, "测试");

        EventVersion first = events.saveDraft(event, "editor-a", "新建");
        events.returnDraft("contract-event", first.version(), "reviewer-b", "请补充说法");
        EventVersion second = events.saveDraft(event, "editor-a", "已补充");
        events.publish("contract-event", second.version(), "reviewer-b");
        events.retire("contract-event", "reviewer-b", "测试停用");

        assertThat(events.history("contract-event")).extracting(EventVersion::version, EventVersion::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, EventVersion.State.RETIRED),
                org.assertj.core.groups.Tuple.tuple(2, EventVersion.State.SUPERSEDED),
                org.assertj.core.groups.Tuple.tuple(1, EventVersion.State.DRAFT));
        EventVersion back = events.version("contract-event", 1).orElseThrow();
        assertThat(back.returned().comment()).isEqualTo("请补充说法");
        assertThat(back.event().steps().get(1)).isEqualTo(new LifeEvent.Step("social-security-card",
                knowledgeBase.snapshot().item("social-security-card").orElseThrow().name(), "就医要用社保卡", "没有社保卡的"));
        assertThat(events.version("contract-event", 2).orElseThrow().publishedBy()).isEqualTo("reviewer-b");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kb_event WHERE id = 'contract-event'").query(Long.class).single()).isZero();
    }

    @Test
    void aFailedLoadStoresNothingOfIt() {
        ServiceItem existing = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        ServiceItem fresh = new ServiceItem("fresh-item", "全新事项", List.of(), List.of(), existing.department(), "个人",
                existing.itemType(), existing.conditions(), existing.materials(), existing.timeLimit(), existing.fee(), 1,
                existing.halls(), existing.online(), true, true, existing.process(), existing.legalBasis(),
                existing.consultPhone(), existing.complaintPhone(), existing.lastReviewed(), existing.source(), List.of());
        // the second item clashes with a stored id, so the whole insert must roll back
        KnowledgeSnapshot clashing = new KnowledgeSnapshot(List.of(fresh, existing), List.of(), Lexicon.EMPTY);
        assertThatThrownBy(() -> repository.insertAll(clashing)).isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kb_item WHERE id = 'fresh-item'").query(Long.class).single()).isZero();
        assertThat(repository.load().itemCount()).isEqualTo(2);
    }

    @Test
    void anItemWithGapsIsStoredAndReadBackWithItsGaps() {
        ServiceItem gaps = new ServiceItem("gd-contract-gaps", "只有名称和部门的事项", List.of(), List.of(), "某部门", null, null, null,
                List.of(new ServiceItem.Material("申请表", null, null, null, null, null, null)), null, null, null, List.of(), null, null,
                null, List.of(), List.of(), null, null, null, "目录", List.of());

        repository.replaceItem(gaps);

        assertThat(repository.load().item("gd-contract-gaps")).contains(gaps);
        jdbc.sql("DELETE FROM kb_item WHERE id = 'gd-contract-gaps'").update();
    }

    @Test
    void aWordListedAlsoAsAColloquialTermKeepsItsOfficialTerm() {
        // lexicon.yaml lists 狗证 under 养犬登记 and under words; a row holds one or the other
        repository.mergeHallFaqsAndLexicon(List.of(), new Lexicon(java.util.Map.of("测试官方词", List.of("测试口语词")), List.of("测试口语词", "测试整词")));

        assertThat(repository.loadLexicon().entries())
                .containsEntry("测试口语词", new Lexicon.Entry("测试口语词", "测试官方词"))
                .containsEntry("测试整词", new Lexicon.Entry("测试整词", null));
    }

    @Test
    void twoConversationsStartedAtOnceForOneUserDoNotBreakTheNextMessage() {
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < 2; i++) {
            Conversation c = new Conversation("race-" + i, Channel.WEB, "race-user", now, now.plusMillis(i), Conversation.State.BOT,
                    null, null, List.of(), 0, null, false, null);
            conversations.save(c, new Turn(c.id(), now, "你好", "GREETING", Action.SMALLTALK, null, null, null, 1.0, "您好"));
        }
        assertThat(conversations.current(Channel.WEB, "race-user", now, java.time.Duration.ofMinutes(30)))
                .get().extracting(Conversation::id).isEqualTo("race-1");
        assertThat(dialogue.handle(Channel.WEB, "race-user", "狗证要带什么材料").conversationId()).isEqualTo("race-1");
    }

    @Test
    void conversationsAndTurnsArePersisted() {
        Reply first = dialogue.handle(Channel.WEB, "persist-user", "狗证要带什么材料");
        Reply second = dialogue.handle(Channel.WEB, "persist-user", "那要多久");
        assertThat(second.conversationId()).isEqualTo(first.conversationId());
        assertThat(conversations.turns(first.conversationId())).hasSize(2).satisfiesExactly(
                t -> {
                    assertThat(t.question()).isEqualTo("狗证要带什么材料");
                    assertThat(t.action()).isEqualTo(Action.ANSWER);
                    assertThat(t.element()).isEqualTo(Element.MATERIALS);
                    assertThat(t.reply()).contains("居民身份证");
                },
                t -> {
                    assertThat(t.question()).isEqualTo("那要多久");
                    assertThat(t.itemId()).isEqualTo("dog-registration");
                    assertThat(t.element()).isEqualTo(Element.TIME_LIMIT);
                });
        assertThat(jdbc.sql("SELECT current_item_id FROM conversation WHERE id = ?").param(first.conversationId())
                .query(String.class).single()).isEqualTo("dog-registration");
    }

    @Test
    void forgettingAUserDeletesOnlyTheirConversationsAndTurns() {
        Reply gone = dialogue.handle(Channel.WECHAT, "leaving-user", "狗证要带什么材料");
        Reply kept = dialogue.handle(Channel.WECHAT, "staying-user", "狗证要带什么材料");
        Reply otherChannel = dialogue.handle(Channel.WEB, "leaving-user", "狗证要带什么材料");

        assertThat(conversationFacade.forget(Channel.WECHAT, "leaving-user")).isEqualTo(1);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation WHERE id = ?").param(gone.conversationId()).query(Long.class).single()).isZero();
        assertThat(conversations.turns(gone.conversationId())).isEmpty();
        assertThat(conversations.turns(kept.conversationId())).hasSize(1);
        assertThat(conversations.turns(otherChannel.conversationId())).hasSize(1);
    }
}
