package org.askonce.knowledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.askonce.SampleAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The editor console's life events (一件事) page on the sample knowledge base: read-only, editors only. */
@SampleAppTest
class LifeEventConsoleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void editorsSeeEveryEventWithItsStepsInOrder() throws Exception {
        mvc.perform(get("/editor/events").with(user("ed").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 <strong id=\"event-count\">12</strong> 件事")))
                .andExpect(content().string(containsString("<h2>开餐馆一件事</h2>")))
                .andExpect(content().string(containsString("<a href=\"/editor/items/food-business-license\">食品经营许可</a>")))
                .andExpect(content().string(containsString("有门头招牌或户外广告的")))
                .andExpect(content().string(not(containsString("事项已改名"))));
    }

    @Test
    void citizensCannotSeeTheEventsPage() throws Exception {
        mvc.perform(get("/editor/events")).andExpect(status().is3xxRedirection());
    }
}
