package org.askonce.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.askonce.MiniAppTest;
import org.askonce.dialogue.Action;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.editing.ItemVersion;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.askonce.knowledge.lexicon.LexiconEditor;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The "try it" box: the published answer beside the answer with an item's draft, and why; nothing stored or published. */
@MiniAppTest
class TryItIntegrationTests {

    @Autowired
    TryIt tryIt;
    @Autowired
    KnowledgeEditor editor;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    LexiconEditor lexicon;
    @Autowired
    MockMvc mvc;

    private ItemVersion draftWithMaterial(String name) {
        ServiceItem live = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        List<ServiceItem.Material> materials = new ArrayList<>(live.materials());
        materials.add(new ServiceItem.Material(name, "原件", 1, true, null, null, null));
        return editor.saveDraft(live.withMaterials(materials), "editor-try", null);
    }

    @Test
    void showsThePublishedAnswerBesideTheAnswerWithTheDraftAndWhy() {
        ItemVersion draft = draftWithMaterial("养犬承诺书");

        List<TryIt.Result> results = tryIt.tryQuestion("办个狗证要带啥", "dog-registration", draft.version());

        assertThat(results).hasSize(2);
        assertThat(results.get(0).reply().action()).isEqualTo(Action.ANSWER);
        assertThat(results.get(0).reply().reply()).doesNotContain("养犬承诺书");
        assertThat(results.get(1).reply().reply()).contains("养犬承诺书");
        assertThat(results.get(0).explanation().matches()).isNotEmpty();
        assertThat(knowledgeBase.snapshot().item("dog-registration").orElseThrow().materials())
                .extracting(ServiceItem.Material::name).doesNotContain("养犬承诺书");
    }

    @Test
    void showsHowTheLexiconDraftSegmentsAndAnswersBesideThePublishedLexicon() {
        lexicon.saveEntry("养犬登记", "养犬登记", List.of("狗证", "养狗证", "汪汪证"), "editor-try");

        List<TryIt.Result> results = tryIt.tryDraftLexicon("汪汪证要带什么材料");

        assertThat(results).extracting(TryIt.Result::label).containsExactly("已发布", "词库草稿");
        assertThat(results.get(0).words()).noneMatch(w -> w.endsWith("→养犬登记"));
        assertThat(results.get(0).reply().itemName()).isNotEqualTo("养犬登记（犬证办理）");
        assertThat(results.get(1).words()).contains("汪汪证→养犬登记");
        assertThat(results.get(1).reply().action()).isEqualTo(Action.ANSWER);
        assertThat(results.get(1).reply().itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(lexicon.published().entries()).doesNotContainKey("汪汪证");
        lexicon.discardDraft("editor-try");
    }

    @Test
    void theTryItPageComparesTheLexiconDraft() throws Exception {
        lexicon.addWords(List.of("汪汪队"), "editor-try");
        mvc.perform(get("/editor/try").param("q", "汪汪队办狗证").param("lexicon", "draft").with(user("ed").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("词库草稿")))
                .andExpect(content().string(Matchers.containsString("分词：汪汪队 / 办狗证")));
        lexicon.discardDraft("editor-try");
    }

    @Test
    void anEmptyQuestionIsRefused() {
        assertThatThrownBy(() -> tryIt.tryQuestion(" ", null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("问题");
    }

    @Test
    void theTryItPageIsForEditorsAndShowsTheReply() throws Exception {
        mvc.perform(get("/editor/try").param("q", "狗证在哪办").with(user("ed").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已发布")))
                .andExpect(content().string(Matchers.containsString("ANSWER")));
        mvc.perform(get("/editor/try").param("q", "狗证在哪办").with(user("ag").roles("AGENT")))
                .andExpect(status().isForbidden());
    }
}
