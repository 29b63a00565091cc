package org.askonce.knowledge.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.TestItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** The review queue (待发布): drafts newer than the published version, with who, when and why; gone once published. */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:review-queue;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class ReviewQueueIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    KnowledgeEditor editor;
    @Autowired
    KnowledgeBase knowledgeBase;

    private ServiceItem withExtraMaterial(String itemId, String material) {
        ServiceItem latest = editor.history(itemId).get(0).item();
        List<ServiceItem.Material> materials = new ArrayList<>(latest.materials());
        materials.add(new ServiceItem.Material(material, "原件", 1, true, null, null, null));
        return latest.withMaterials(materials);
    }

    private List<String> queued() {
        return editor.pendingReview().stream().map(PendingDraft::itemId).toList();
    }

    @Test
    void aDraftIsListedWithAuthorNoteAndTheChangesUntilItIsPublished() throws Exception {
        editor.saveDraft(withExtraMaterial("dog-registration", "犬只照片"), "editor-zhou", "补充犬只照片");

        mvc.perform(get("/editor/review").with(user("rev").roles("REVIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("养犬登记（犬证办理）"), containsString("editor-zhou"),
                        containsString("补充犬只照片"), containsString("第2版"),
                        containsString("＋ 犬只照片（原件，1 份，必需）"),
                        containsString("href=\"/editor/items/dog-registration/versions/2/publish?back=review\""))));
        mvc.perform(get("/editor/items/dog-registration").param("from", "1").param("to", "2").with(user("rev").roles("REVIEWER")))
                .andExpect(content().string(containsString("犬只照片")));
        mvc.perform(get("/api/editor/review").with(user("rev").roles("REVIEWER"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.itemId == 'dog-registration')].draftVersion").value(2))
                .andExpect(jsonPath("$[?(@.itemId == 'dog-registration')].publishedVersion").value(1))
                .andExpect(jsonPath("$[?(@.itemId == 'dog-registration')].author").value("editor-zhou"))
                .andExpect(jsonPath("$[?(@.itemId == 'dog-registration')].note").value("补充犬只照片"));

        mvc.perform(post("/editor/items/dog-registration/versions/2/publish").param("back", "review").with(csrf())
                        .with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/review"));

        assertThat(queued()).doesNotContain("dog-registration");
        mvc.perform(get("/editor/review").with(user("rev").roles("REVIEWER")))
                .andExpect(content().string(not(containsString("养犬登记（犬证办理）"))));
    }

    @Test
    void editorsSeeTheQueueReadOnlyAndWhoPublishes() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-read-only", "只读测试事项"), "editor-zhou", "新建");

        mvc.perform(get("/editor/review").with(user("ed").roles("EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("只读测试事项"), containsString("等待审核"),
                        containsString("“审核发布”角色或管理员"),
                        not(containsString("href=\"/editor/items/rq-read-only/versions/1/publish")))));
    }

    @Test
    void aNewItemIsListedAsNeverPublishedWithoutADiff() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-new-item", "新建测试事项"), "editor-zhou", "新建事项");

        assertThat(editor.pendingReview()).filteredOn(p -> p.itemId().equals("rq-new-item")).singleElement().satisfies(p -> {
            assertThat(p.isNew()).isTrue();
            assertThat(p.draft().version()).isEqualTo(1);
        });
        mvc.perform(get("/editor/review").with(user("rev").roles("REVIEWER")))
                .andExpect(content().string(allOf(containsString("新事项，尚未发布"),
                        not(containsString("href=\"/editor/items/rq-new-item?from=")))));
    }

    @Test
    void onlyTheLatestDraftIsListedAndDraftsOlderThanThePublishedVersionAreNot() {
        editor.saveDraft(withExtraMaterial("social-security-card", "近期照片"), "editor-a", "第一稿");
        editor.saveDraft(withExtraMaterial("social-security-card", "户口簿"), "editor-b", "第二稿");

        assertThat(editor.pendingReview()).filteredOn(p -> p.itemId().equals("social-security-card")).singleElement().satisfies(p -> {
            assertThat(p.draft().version()).isEqualTo(3);
            assertThat(p.draft().author()).isEqualTo("editor-b");
            assertThat(p.drafts()).isEqualTo(2);
            assertThat(p.publishedVersion()).isEqualTo(1);
        });

        editor.publish("social-security-card", 3, "rev");

        assertThat(editor.version("social-security-card", 2).orElseThrow().state()).isEqualTo(ItemVersion.State.DRAFT);
        assertThat(queued()).doesNotContain("social-security-card");
    }

    @Test
    void theQueueIsInTheEditorsNavigation() throws Exception {
        mvc.perform(get("/editor").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(containsString("<a href=\"/editor/review\">待发布</a>")));
        mvc.perform(get("/api/editor/review").with(user("ed").roles("EDITOR"))).andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
        mvc.perform(get("/editor/review").with(user("ag").roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void thePublishButtonAsksForConfirmationShowingTheChangesAndPublishesNothingYet() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-confirm", "确认测试事项"), "editor-zhou", "新建");
        editor.publish("rq-confirm", 1, "rev");
        ItemVersion draft = editor.saveDraft(withExtraMaterial("rq-confirm", "犬只芯片植入证明"), "editor-zhou", "补充材料");

        mvc.perform(get("/editor/items/rq-confirm/versions/" + draft.version() + "/publish").param("back", "review")
                        .with(user("rev").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("确认发布"), containsString("与发布版（第1版）相比的修改"),
                        containsString("＋ 犬只芯片植入证明（原件，1 份，必需）"), containsString("确认发布第2版"),
                        containsString("action=\"/editor/items/rq-confirm/versions/2/publish\""), containsString("退回理由（必填）"))));

        assertThat(editor.version("rq-confirm", 2).orElseThrow().state()).isEqualTo(ItemVersion.State.DRAFT);
    }

    @Test
    void rollingBackAsksForConfirmationShowingWhatCitizensWouldGetAgain() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-rollback", "回滚确认事项"), "editor-zhou", "新建");
        editor.publish("rq-rollback", 1, "rev");
        editor.publish("rq-rollback", editor.saveDraft(withExtraMaterial("rq-rollback", "回滚测试材料"), "editor-zhou", "加照片").version(), "rev");

        mvc.perform(get("/editor/items/rq-rollback/versions/1/rollback").with(user("rev").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("确认回滚"), containsString("－ 回滚测试材料（原件，1 份，必需）"),
                        containsString("确认回滚到第1版"), not(containsString("退回理由")))));

        assertThat(editor.history("rq-rollback")).hasSize(2);
    }

    @Test
    void anEditorCannotOpenTheConfirmationToPublish() throws Exception {
        mvc.perform(get("/editor/items/dog-registration/versions/1/publish").with(user("ed").roles("EDITOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDraftSentBackLeavesTheQueueAndItsEditorSeesTheCommentOnTheItemAndInTheList() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-send-back", "退回测试事项"), "editor-zhou", "新建事项");

        mvc.perform(post("/editor/items/rq-send-back/versions/1/return").param("comment", "办理地点的电话请核对").param("back", "review")
                        .with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/review"));

        assertThat(queued()).doesNotContain("rq-send-back");
        mvc.perform(get("/editor/items/rq-send-back").with(user("editor-zhou").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("审核退回"), containsString("办理地点的电话请核对"),
                        containsString("退回（rev）：办理地点的电话请核对"), not(containsString("等待审核")))));
        mvc.perform(get("/editor").with(user("editor-zhou").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("退回修改的草稿"), containsString("id=\"returned-rq-send-back\""),
                        containsString("您的草稿"), containsString("办理地点的电话请核对"))));
        assertThat(editor.auditLog("rq-send-back", 5)).first().satisfies(e -> {
            assertThat(e.actionLabel()).isEqualTo("退回修改");
            assertThat(e.username()).isEqualTo("rev");
            assertThat(e.detail()).isEqualTo("办理地点的电话请核对");
        });
    }

    @Test
    void theEditorsNextDraftGoesBackIntoTheQueue() {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-resubmit", "重新提交事项"), "editor-zhou", "新建事项");
        editor.returnDraft("rq-resubmit", 1, "rev", "名称不规范");

        editor.saveDraft(TestItems.copy(dog, "rq-resubmit", "重新提交事项（已改）"), "editor-zhou", "按意见修改");

        assertThat(queued()).contains("rq-resubmit");
        assertThat(editor.returnedDrafts()).extracting(ItemVersion::itemId).doesNotContain("rq-resubmit");
        assertThat(editor.version("rq-resubmit", 1).orElseThrow().returned().comment()).isEqualTo("名称不规范");
    }

    @Test
    void sendingBackWithoutACommentIsRefusedInChineseAndChangesNothing() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-no-comment", "无理由退回事项"), "editor-zhou", "新建事项");

        mvc.perform(post("/editor/items/rq-no-comment/versions/1/return").param("comment", "  ").param("back", "review")
                        .with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/items/rq-no-comment/versions/1/publish?back=review"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", "未能退回：请写明退回的理由，编辑会看到它并据此修改"));

        assertThat(queued()).contains("rq-no-comment");
    }

    @Test
    void anEditorCannotSendADraftBack() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-editor-return", "编辑不能退回事项"), "editor-zhou", "新建事项");

        mvc.perform(post("/editor/items/rq-editor-return/versions/1/return").param("comment", "不行").with(csrf())
                        .with(user("ed").roles("EDITOR")))
                .andExpect(status().isForbidden());

        assertThat(queued()).contains("rq-editor-return");
    }

    @Test
    void anEmptySearchSaysWhatToTry() throws Exception {
        mvc.perform(get("/editor").param("q", "没有这种事项").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("没有找到与“<strong>没有这种事项</strong>”相符的事项"),
                        containsString("试试更短的词"), containsString("显示全部事项"))));
    }

    @Test
    void tryItAndTheLearningPageAreInTheNavigation() throws Exception {
        mvc.perform(get("/editor/review").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("<a href=\"/editor/try\">试一试</a>"),
                        containsString("<a href=\"/editor/learning\">尚未回答的问题</a>"))));
    }

    @Test
    void aReviewerSendsADraftBackThroughTheApiAndAnEmptyCommentIsA400InChinese() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        editor.saveDraft(TestItems.copy(dog, "rq-api-return", "接口退回事项"), "editor-zhou", "新建事项");

        mvc.perform(post("/api/editor/items/rq-api-return/versions/1/return").contentType("application/json").content("{\"comment\":\"\"}")
                        .with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("请写明退回的理由，编辑会看到它并据此修改"));
        mvc.perform(post("/api/editor/items/rq-api-return/versions/1/return").contentType("application/json")
                        .content("{\"comment\":\"请补充收费依据\"}").with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.returnedBy").value("rev"))
                .andExpect(jsonPath("$.returnComment").value("请补充收费依据"));

        assertThat(queued()).doesNotContain("rq-api-return");
    }
}
