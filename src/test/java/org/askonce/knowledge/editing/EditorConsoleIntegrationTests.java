package org.askonce.knowledge.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** The editor console's forms: a new item as an editor's draft then published by a reviewer, bad YAML shown back, editors only. */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:editor-console;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class EditorConsoleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    KnowledgeEditor editor;

    @Test
    void aNewItemIsADraftUntilPublished() throws Exception {
        String yaml = EditorConsoleController.yaml(knowledgeBase.snapshot().item("dog-registration").orElseThrow())
                .replaceFirst("(?m)^id: .*$", "id: cat-registration").replaceFirst("(?m)^name: .*$", "name: 猫咪登记（示例）")
                .replaceAll("(?m)^(\\s*- id: )dog-", "$1cat-");

        mvc.perform(post("/editor/new").param("yaml", yaml).with(csrf()).with(user("ed").roles("EDITOR")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/items/cat-registration"));

        assertThat(knowledgeBase.snapshot().item("cat-registration")).isEmpty();
        assertThat(editor.history("cat-registration")).singleElement()
                .satisfies(v -> assertThat(v.state()).isEqualTo(ItemVersion.State.DRAFT));
        mvc.perform(get("/editor/items/cat-registration").with(user("ed").roles("EDITOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("猫咪登记（示例）")));
        mvc.perform(post("/editor/items/cat-registration/versions/1/publish").with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound());
        assertThat(knowledgeBase.snapshot().item("cat-registration")).isPresent();
        mvc.perform(get("/editor").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(containsString("<td>rev</td><td>发布</td>")));
    }

    @Test
    void badYamlIsShownBackWithTheLine() throws Exception {
        mvc.perform(post("/editor/items/dog-registration/yaml").param("yaml", "id: dog-registration\nname: [unclosed\n")
                        .with(csrf()).with(user("ed").roles("EDITOR")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("error", containsString("YAML 格式有误")))
                .andExpect(flash().attribute("yaml", containsString("unclosed")));
    }

    @Test
    void agentsCannotOpenTheEditorConsole() throws Exception {
        mvc.perform(get("/editor").with(user("ag").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/editor").with(user("ed").roles("EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("养犬登记")));
    }

    @Test
    void aSingleMaterialWhoseNameHasACommaStaysOneMaterial() throws Exception {
        mvc.perform(post("/editor/items/social-security-card/materials").param("name", "身份证,或户口簿").param("form", "原件")
                        .param("copies", "1").param("required", "是").param("notes", "二选一，带原件")
                        .with(csrf()).with(user("ed").roles("EDITOR")))
                .andExpect(status().isFound());

        ServiceItem saved = editor.history("social-security-card").get(0).item();
        assertThat(saved.materials()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("身份证,或户口簿");
            assertThat(m.notes()).isEqualTo("二选一，带原件");
        });
    }
}
