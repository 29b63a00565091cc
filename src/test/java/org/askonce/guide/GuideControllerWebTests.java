package org.askonce.guide;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.askonce.MiniKnowledge;
import org.askonce.dialogue.DialogueSettings;
import org.askonce.knowledge.KnowledgeBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The guide's web layer alone (a {@code @WebMvcTest} slice: the controller, Spring MVC and the
 * templates, no database, no search, no security filters): routing, status codes, content types and
 * which page is rendered, over the mini knowledge base. {@link GuideIntegrationTests} covers the page's
 * content in the whole application.
 */
@WebMvcTest(controllers = GuideController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.askonce\\.(handoff|webchat|wechat)\\..*")) // their web components need their modules
@AutoConfigureMockMvc(addFilters = false)
class GuideControllerWebTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    KnowledgeBase knowledgeBase;
    @MockitoBean
    GuideLinks links;
    @MockitoBean
    DialogueSettings dialogue;

    @BeforeEach
    void knowledge() {
        when(knowledgeBase.snapshot()).thenReturn(MiniKnowledge.snapshot());
        when(links.of("dog-registration")).thenReturn("https://zwfw.example.gov.cn/guide/dog-registration");
        when(dialogue.hotline()).thenReturn("12345");
        when(dialogue.notice()).thenReturn("");
    }

    @Test
    void anItemsGuideIsRenderedAsAPage() throws Exception {
        mvc.perform(get("/guide/dog-registration"))
                .andExpect(status().isOk())
                .andExpect(view().name("guide/item"))
                .andExpect(model().attribute("hotline", "12345"))
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<h1>养犬登记（犬证办理）</h1>")));
    }

    @Test
    void anUnknownItemIsTheChineseNotFoundPageWithAShortenedId() throws Exception {
        mvc.perform(get("/guide/" + "x".repeat(80)))
                .andExpect(status().isNotFound())
                .andExpect(view().name("guide/not-found"))
                .andExpect(model().attribute("id", "x".repeat(60) + "…"));
    }

    @Test
    void aHallsPageThatDoesNotExistIsABadRequestShowingTheFirstPage() throws Exception {
        mvc.perform(get("/guide/dog-registration").param("halls", "99"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("guide/item"))
                .andExpect(model().attribute("problem", org.hamcrest.Matchers.startsWith("办理地点共")));
    }

    @Test
    void theQrCodeIsAnSvgOrAPngAndNotFoundForAnUnknownItem() throws Exception {
        mvc.perform(get("/guide/dog-registration/qr.svg"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/svg+xml"))
                .andExpect(header().string("Cache-Control", "no-cache"));
        mvc.perform(get("/guide/dog-registration/qr.png"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"guide-dog-registration.png\""));
        mvc.perform(get("/guide/no-such-item/qr.png")).andExpect(status().isNotFound());
    }
}
