package org.askonce.knowledge.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.askonce.knowledge.Lexicon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The lexicon page {@code /editor/lexicon}: entries and words with their counts, search, a change
 * saved as a draft and published, a refused change shown back with the reason, roll-back, editors
 * only. (Same configuration as {@link LexiconEditorIntegrationTests}, so the two share one context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:lexicon-editor;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class LexiconConsoleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    LexiconEditor lexicon;

    @BeforeEach
    void noDraftLeftByAnotherTest() {
        lexicon.discardDraft("test-setup");
    }

    @Test
    void listsTheEntriesAndWordsWithTheirCounts() throws Exception {
        Lexicon published = lexicon.published();

        mvc.perform(get("/editor/lexicon").with(user("ed").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("养犬登记"), containsString("养狗证"), containsString("社保卡片"),
                        containsString("市民卡"),
                        containsString("<strong>" + published.synonyms().size() + "</strong> 个官方用语"),
                        containsString("<strong>" + published.colloquialCount() + "</strong> 个口语说法"),
                        containsString("<strong>" + published.words().size() + "</strong> 个词典词"))));
    }

    @Test
    void searchFindsAnEntryByAColloquialTerm() throws Exception {
        mvc.perform(get("/editor/lexicon").param("q", "养狗").with(user("ed").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("找到 1 条词条"), containsString("养犬登记"), not(containsString("社保卡片")))));
    }

    @Test
    void anEntryIsOpenedForEditingWithItsTerms() throws Exception {
        mvc.perform(get("/editor/lexicon").param("edit", "社会保障卡").with(user("ed").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("修改词条「社会保障卡」"),
                        containsString("name=\"original\" value=\"社会保障卡\""), containsString("name=\"terms\" value=\"社保卡片\""))));
    }

    @Test
    void aChangeIsADraftUntilPublished() throws Exception {
        mvc.perform(post("/editor/lexicon/entries").param("official", "无犯罪记录证明").param("terms", "良民证、无犯罪证明")
                        .with(csrf()).with(user("editor-wang").roles("EDITOR")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/lexicon"))
                .andExpect(flash().attribute("message", containsString("新增 良民证 → 无犯罪记录证明")));
        assertThat(lexicon.published().entries()).doesNotContainKey("良民证");
        mvc.perform(get("/editor/lexicon").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("尚未发布的修改（<span>2</span>处）"), containsString("editor-wang"))));

        mvc.perform(get("/editor/review").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(containsString("词库草稿有 <strong>2</strong> 处修改等待发布")));
        mvc.perform(post("/editor/lexicon/publish").with(csrf()).with(user("editor-wang").roles("EDITOR")))
                .andExpect(status().isForbidden());
        assertThat(lexicon.published().entries()).as("an editor may not publish").doesNotContainKey("良民证");

        mvc.perform(post("/editor/lexicon/publish").param("note", "无犯罪记录证明的说法").with(csrf()).with(user("editor-li").roles("REVIEWER")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("message", containsString("已发布")));

        assertThat(lexicon.published().entries()).containsEntry("良民证", new Lexicon.Entry("良民证", "无犯罪记录证明"));
        assertThat(lexicon.history().get(0).publishedBy()).isEqualTo("editor-li");
    }

    @Test
    void aRefusedChangeIsShownBackWithTheReasonAndNothingIsStored() throws Exception {
        mvc.perform(post("/editor/lexicon/entries").param("original", "社会保障卡").param("official", "社会保障卡")
                        .param("terms", "社保卡片、狗证").with(csrf()).with(user("ed").roles("EDITOR")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("error", containsString("口语说法「狗证」已对应官方用语「养犬登记」")))
                .andExpect(flash().attribute("terms", "社保卡片、狗证"));

        assertThat(lexicon.draftChanges()).isEmpty();
    }

    @Test
    void anEarlierVersionIsRolledBackFromTheConsole() throws Exception {
        int before = lexicon.history().get(0).version();
        lexicon.addWords(java.util.List.of("跑一次"), "editor-wang");
        lexicon.publish("editor-li", null);

        mvc.perform(post("/editor/lexicon/versions/{v}/rollback", before).with(csrf()).with(user("editor-li").roles("REVIEWER")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("message", containsString("已回滚到第" + before + "版")));

        assertThat(lexicon.published().entries()).doesNotContainKey("跑一次");
        mvc.perform(get("/editor/lexicon").param("from", String.valueOf(before)).param("to", String.valueOf(before + 1))
                        .with(user("ed").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("第" + before + "版 → 第" + (before + 1) + "版"), containsString("跑一次"))));
    }

    @Test
    void agentsCannotOpenOrChangeTheLexicon() throws Exception {
        mvc.perform(get("/editor/lexicon").with(user("ag").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/editor/lexicon/words").param("words", "浙里办").with(csrf()).with(user("ag").roles("AGENT")))
                .andExpect(status().isForbidden());
        assertThat(lexicon.draftChanges()).isEmpty();
    }
}
