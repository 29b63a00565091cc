package org.askonce.knowledge;

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
                        containsString("href=\"/editor/items/dog-registration?from=1&amp;to=2\""),
                        containsString("action=\"/editor/items/dog-registration/versions/2/publish\""))));
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
                        not(containsString("action=\"/editor/items/rq-read-only/versions/1/publish\"")))));
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
}
