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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Map;
import org.askonce.Eventually;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Life events edited in the console on the sample knowledge base, as staff use it (forms with CSRF):
 * an editor writes a new event and saves a draft, a reviewer finds it in the review queue and
 * publishes it, and a citizen's chat finds it by one of its wordings at once; a changed step list
 * shows in the next reply. Bad input is shown again with every problem and nothing typed is lost.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:life-event-editing;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class LifeEventEditingIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    Retriever retriever;
    @Autowired
    KnowledgeEditor items;
    @Autowired
    EventEditor events;

    private Cookie citizen;

    private static MockHttpServletRequestBuilder travelForm(String url) {
        return post(url).with(csrf())
                .param("name", "出境旅游一件事")
                .param("summary", "出境旅游前要办的证件。")
                .param("wordings", "出境旅游要办哪些证件\n\n出国旅游前要办什么手续")
                .param("stepOrder", "1", "2", "3")
                .param("stepItem", "普通护照签发", "往来港澳通行证及签注签发", "")
                .param("stepWhy", "出国要用护照", "去香港澳门要用通行证和签注", "")
                .param("stepCondition", "", "去港澳的", "")
                .param("source", "测试编写");
    }

    private JsonNode chat(String text) throws Exception {
        var request = post("/api/chat").contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("text", text)));
        if (citizen != null) {
            request.cookie(citizen);
        }
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        Cookie issued = result.getResponse().getCookie("askonce_citizen");
        if (issued != null) {
            citizen = issued;
        }
        return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void awaitIndex() throws InterruptedException {
        Eventually.until("the index of publication " + knowledgeBase.publication(), Duration.ofSeconds(30),
                () -> retriever.builtFor() == knowledgeBase.publication());
    }

    @Test
    void anEditorsNewEventPublishedByAReviewerIsAnsweredAtOnceAndAChangedStepListShowsInTheReply() throws Exception {
        mvc.perform(get("/editor/events").with(user("ed").roles("EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/editor/events/new\"")));
        mvc.perform(travelForm("/editor/events/new").param("id", "outbound-travel").with(user("ed").roles("EDITOR")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/events/outbound-travel"));

        mvc.perform(get("/editor/events/outbound-travel").with(user("ed").roles("EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("第1版 · 草稿"), containsString("等待审核"),
                        not(containsString("/editor/events/outbound-travel/versions/1/publish")))));
        mvc.perform(get("/editor/events").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(containsString("草稿待审核（第1版）")));
        assertThat(knowledgeBase.snapshot().event("outbound-travel")).as("a draft is not answered").isEmpty();
        // an editor may not publish
        mvc.perform(post("/editor/events/outbound-travel/versions/1/publish").with(csrf()).with(user("ed").roles("EDITOR")))
                .andExpect(status().isForbidden());

        mvc.perform(get("/editor/review").with(user("rev").roles("REVIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"pending-event-outbound-travel\""), containsString("出境旅游一件事"),
                        containsString("＋ 第2步 往来港澳通行证及签注签发：去香港澳门要用通行证和签注；办理情形：去港澳的"),
                        containsString("href=\"/editor/events/outbound-travel/versions/1/publish?back=review\""))));
        mvc.perform(get("/editor/events/outbound-travel/versions/1/publish").with(user("rev").roles("REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("确认发布第1版"),
                        containsString("市民现在问不到这件事，发布后立即能问到"))));
        // without the form's token nothing is published
        mvc.perform(post("/editor/events/outbound-travel/versions/1/publish").with(user("rev").roles("REVIEWER")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/editor/events/outbound-travel/versions/1/publish").param("back", "review").with(csrf())
                        .with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/review"));
        awaitIndex();

        JsonNode answer = chat("出境旅游要办哪些证件");
        assertThat(answer.get("action").asText()).as(answer.toString()).isEqualTo("ANSWER");
        assertThat(answer.get("eventName").asText()).as(answer.toString()).isEqualTo("出境旅游一件事");
        assertThat(answer.get("eventName").asText()).isEqualTo("出境旅游一件事");
        assertThat(answer.get("reply").asText()).contains("普通护照签发", "往来港澳通行证及签注签发");

        // the editor swaps the Hong Kong step for Taiwan; once published, the reply lists the new steps
        mvc.perform(post("/editor/events/outbound-travel/save").with(csrf()).with(user("ed").roles("EDITOR"))
                        .param("name", "出境旅游一件事").param("summary", "出境旅游前要办的证件。")
                        .param("wordings", "出境旅游要办哪些证件\n出国旅游前要办什么手续")
                        .param("stepOrder", "1", "2", "3")
                        .param("stepItem", "普通护照签发", "往来港澳通行证及签注签发", "往来台湾通行证及签注签发")
                        .param("stepWhy", "出国要用护照", "去香港澳门要用通行证和签注", "去台湾要用通行证和签注")
                        .param("stepCondition", "", "去港澳的", "去台湾的")
                        .param("stepRemove", "1")
                        .param("source", "测试编写").param("changeNote", "港澳换成台湾"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/events/outbound-travel"));
        mvc.perform(post("/editor/events/outbound-travel/versions/2/publish").with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound());
        awaitIndex();

        citizen = null; // a new citizen: in the first one's conversation the question now follows up on its first step's item
        JsonNode changed = chat("出境旅游要办哪些证件");
        assertThat(changed.get("eventName").asText()).as(changed.toString()).isEqualTo("出境旅游一件事");
        assertThat(changed.get("reply").asText()).contains("往来台湾通行证及签注签发").doesNotContain("往来港澳通行证及签注签发");
        mvc.perform(get("/editor/events/outbound-travel").param("from", "1").param("to", "2").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("第1版 → 第2版的修改"),
                        containsString("＋ 第2步 往来台湾通行证及签注签发：去台湾要用通行证和签注；办理情形：去台湾的"))));
        // the knowledge base's recent changes link to the event
        mvc.perform(get("/editor").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(containsString("<a href=\"/editor/events/outbound-travel\">一件事 outbound-travel</a>")));
    }

    @Test
    void aFormWithProblemsIsShownAgainWithEveryProblemAndWhatWasTyped() throws Exception {
        mvc.perform(post("/editor/events/new").with(csrf()).with(user("ed").roles("EDITOR"))
                        .param("id", "bad-form").param("name", "坏表单一件事").param("wordings", "")
                        .param("stepOrder", "1", "x").param("stepItem", "普通护照签发", "").param("stepWhy", "", "只写了理由")
                        .param("stepCondition", "", "").param("source", "测试"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第2行步骤的顺序“x”不是整数")));
        mvc.perform(post("/editor/events/new").with(csrf()).with(user("ed").roles("EDITOR"))
                        .param("id", "bad-form").param("name", "坏表单一件事").param("wordings", "")
                        .param("stepOrder", "1", "2").param("stepItem", "普通护照签发", "没有这个事项").param("stepWhy", "", "只写了理由")
                        .param("stepCondition", "", "").param("source", "测试"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("市民的说法（wordings）至少要写一条"),
                        containsString("第1步的“为什么要办”不能为空"), containsString("第2步的事项“没有这个事项”不存在或尚未发布"),
                        containsString("value=\"坏表单一件事\""), containsString("value=\"只写了理由\""))));
        assertThat(knowledgeBase.snapshot().event("bad-form")).isEmpty();
    }

    @Test
    void aRetiredEventIsNoLongerAnsweredAsAnEvent() throws Exception {
        mvc.perform(get("/editor/events/adopt-dog/retire").with(user("rev").roles("REVIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("确认停用")));
        mvc.perform(post("/editor/events/adopt-dog/retire").with(csrf()).with(user("ed").roles("EDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/editor/events/adopt-dog/retire").param("note", "测试停用").with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/events/adopt-dog"));
        awaitIndex();

        assertThat(knowledgeBase.snapshot().event("adopt-dog")).isEmpty();
        assertThat(chat("养狗要办哪些手续").get("eventName").isNull()).isTrue();
        mvc.perform(get("/editor/events").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(containsString("已停用")));

        mvc.perform(post("/editor/events/adopt-dog/versions/1/rollback").with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound());
        awaitIndex();
        assertThat(chat("养狗要办哪些手续").get("eventName").asText()).isEqualTo("养犬一件事");
    }

    @Test
    void aRenamedItemIsShownOnTheEventPageAndAdoptedInOneClick() throws Exception {
        ServiceItem car = items.history("vehicle-registration").get(0).item();
        ServiceItem renamed = new ServiceItem(car.id(), "机动车注册登记（改名测试）", car.aliases(), car.keywords(), car.department(),
                car.audience(), car.itemType(), car.conditions(), car.materials(), car.timeLimit(), car.fee(), car.visits(), car.halls(),
                car.online(), car.express(), car.appointment(), car.process(), car.legalBasis(), car.consultPhone(), car.complaintPhone(),
                car.lastReviewed(), car.source(), car.faqs());
        items.publish(car.id(), items.saveDraft(renamed, "ed", "改名").version(), "rev");
        try {
            mvc.perform(get("/editor/events/new-car").with(user("ed").roles("EDITOR"))).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("事项已改名"),
                            containsString("第1步写的是“" + car.name() + "”，事项现在叫“机动车注册登记（改名测试）”"),
                            containsString("采用新名称（保存为草稿）"))));
            mvc.perform(post("/editor/events/new-car/adopt-names").with(csrf()).with(user("ed").roles("EDITOR")))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/editor/events/new-car"));

            EventVersion draft = events.history("new-car").get(0);
            assertThat(draft.state()).isEqualTo(EventVersion.State.DRAFT);
            assertThat(draft.event().steps().get(0).itemName()).isEqualTo("机动车注册登记（改名测试）");
            assertThat(draft.note()).contains("采用事项的新名称");
            mvc.perform(get("/editor/events/new-car").with(user("ed").roles("EDITOR")))
                    .andExpect(content().string(not(containsString("采用新名称（保存为草稿）"))));
        } finally {
            items.publish(car.id(), items.saveDraft(car, "ed", "改回").version(), "rev");
        }
    }
}
