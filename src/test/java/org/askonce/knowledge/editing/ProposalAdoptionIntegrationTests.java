package org.askonce.knowledge.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.askonce.Eventually;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Agents' proposals on the editor page: adopted (as the editor edited it) into a FAQ draft of an
 * item, which the chat answers once a reviewer publishes it; rejected with a reason; handled once;
 * a refused adoption changes nothing and keeps what the editor typed.
 */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:proposal-adoption;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class ProposalAdoptionIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    KnowledgeDrafts drafts;
    @Autowired
    KnowledgeEditor editor;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    Retriever retriever;

    private long proposal(String itemId, String question, String answer) {
        return drafts.propose(itemId, question, List.of(question + "呀"), answer, "HANDOFF", "42", "agent-li");
    }

    private static MockHttpServletRequestBuilder adopt(long id, String itemId, String question, String similar, String answer) {
        return post("/editor/proposals/{id}/adopt", id).param("itemId", itemId).param("question", question).param("similar", similar)
                .param("answer", answer).with(csrf()).with(user("ed").roles("EDITOR"));
    }

    private JsonNode chat(String user, String text) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(java.util.Map.of("userId", user, "text", text))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private FaqProposal stored(long id) {
        return drafts.find(id).orElseThrow();
    }

    @Test
    void anAdoptedProposalIsADraftFaqThatTheChatAnswersOnceAReviewerPublishesIt() throws Exception {
        String question = "犬证上的照片拍错了能重新换吗";
        long id = proposal("dog-registration", question, "可以换。");
        assertThat(chat("adopt-before", question).path("faqQuestion").asText()).isNotEqualTo(question);

        String answer = "可以。携带犬证和身份证到原登记窗口申请换证，现场重新拍照，当场换发。";
        mvc.perform(adopt(id, "dog-registration", question, question + "呀\n狗证照片拍得不好能换吗", answer))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/editor#proposals"))
                .andExpect(flash().attribute("message", allOf(containsString("已采纳"), containsString("养犬登记（犬证办理）"),
                        containsString("等待审核发布"))));

        FaqProposal adopted = stored(id);
        assertThat(adopted.status()).isEqualTo(FaqProposal.Status.ADOPTED);
        assertThat(adopted.handledBy()).isEqualTo("ed");
        assertThat(adopted.handledAt()).isNotNull();
        assertThat(adopted.adoptedItemId()).isEqualTo("dog-registration");
        ItemVersion draft = editor.version("dog-registration", adopted.adoptedVersion()).orElseThrow();
        assertThat(draft.state()).isEqualTo(ItemVersion.State.DRAFT);
        assertThat(draft.author()).isEqualTo("ed");
        assertThat(draft.item().faqs()).filteredOn(f -> f.question().equals(question)).singleElement().satisfies(f -> {
            assertThat(f.answer()).isEqualTo(answer);
            assertThat(f.similar()).containsExactly(question + "呀", "狗证照片拍得不好能换吗");
            assertThat(f.itemId()).isEqualTo("dog-registration");
        });
        assertThat(editor.pendingReview()).filteredOn(p -> p.itemId().equals("dog-registration")).singleElement()
                .satisfies(p -> assertThat(p.draft().version()).isEqualTo(draft.version()));
        mvc.perform(get("/editor").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(not(containsString("id=\"proposal-" + id + "\""))));

        mvc.perform(post("/editor/items/dog-registration/versions/{v}/publish", draft.version()).param("back", "review")
                .with(csrf()).with(user("rev").roles("REVIEWER"))).andExpect(redirectedUrl("/editor/review"));
        Eventually.until("the index with the adopted FAQ", Duration.ofSeconds(20), () -> retriever.builtFor() == knowledgeBase.publication());

        JsonNode reply = chat("adopt-after", question);
        assertThat(reply.path("action").asText()).isEqualTo("ANSWER");
        assertThat(reply.path("faqQuestion").asText()).isEqualTo(question);
        assertThat(reply.path("reply").asText()).contains("现场重新拍照");
    }

    @Test
    void aProposalWithoutAnItemIsAdoptedOnTheItemTheEditorPicks() throws Exception {
        long id = proposal(null, "社保卡密码忘了怎么重置", "带身份证到合作银行网点重置。");
        mvc.perform(get("/editor").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("id=\"proposal-" + id + "\""), containsString("（未指定）"),
                        containsString("<option value=\"social-security-card\">"))));

        mvc.perform(adopt(id, "social-security-card", "社保卡密码忘了怎么重置", "", "带身份证和社保卡到合作银行网点或社保服务窗口重置。"))
                .andExpect(status().isFound()).andExpect(flash().attribute("message", containsString("已采纳")));

        assertThat(stored(id).adoptedItemId()).isEqualTo("social-security-card");
        assertThat(editor.history("social-security-card").get(0).item().faqs()).extracting(Faq::question).contains("社保卡密码忘了怎么重置");
    }

    @Test
    void aRejectedProposalLeavesTheListWithTheReasonAndChangesNoItem() throws Exception {
        long id = proposal("dog-registration", "狗证可以代办吗", "可以代办。");
        int versions = editor.history("dog-registration").size();

        mvc.perform(post("/editor/proposals/{id}/reject", id).param("reason", "答案不完整，需核实代办材料").with(csrf())
                        .with(user("ed").roles("EDITOR")))
                .andExpect(status().isFound()).andExpect(flash().attribute("message", containsString("不采纳")));

        FaqProposal rejected = stored(id);
        assertThat(rejected.status()).isEqualTo(FaqProposal.Status.REJECTED);
        assertThat(rejected.handledBy()).isEqualTo("ed");
        assertThat(rejected.handledNote()).isEqualTo("答案不完整，需核实代办材料");
        assertThat(drafts.proposed()).extracting(FaqProposal::id).doesNotContain(id);
        mvc.perform(get("/editor").with(user("ed").roles("EDITOR")))
                .andExpect(content().string(not(containsString("id=\"proposal-" + id + "\""))));
        assertThat(editor.history("dog-registration")).hasSize(versions);
    }

    @Test
    void aSecondAdoptionOrARejectionAfterItIsRefusedAndChangesNothing() throws Exception {
        long id = proposal("social-security-card", "社保卡可以异地使用吗", "可以在省内异地就医结算。");
        mvc.perform(adopt(id, "social-security-card", "社保卡可以异地使用吗", "", "可以在省内异地就医结算。"))
                .andExpect(flash().attribute("message", containsString("已采纳")));
        int versions = editor.history("social-security-card").size();

        mvc.perform(adopt(id, "social-security-card", "社保卡可以异地使用吗", "", "可以在省内异地就医结算。"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("error", allOf(startsWith("未能采纳：这条知识草稿已由 ed 于"), containsString("采纳"),
                        containsString("不能再处理"))));
        mvc.perform(post("/editor/proposals/{id}/reject", id).with(csrf()).with(user("ed2").roles("EDITOR")))
                .andExpect(flash().attribute("error", containsString("已由 ed 于")));

        assertThat(editor.history("social-security-card")).hasSize(versions);
        assertThat(stored(id).status()).isEqualTo(FaqProposal.Status.ADOPTED);
        assertThat(stored(id).handledBy()).isEqualTo("ed");
    }

    @Test
    void ofTwoEditorsAdoptingAtOnceExactlyOneSucceeds() throws Exception {
        long id = proposal("social-security-card", "社保卡能绑定几张银行卡", "一张社保卡绑定一个金融账户。");
        int versions = editor.history("social-security-card").size();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> adopt = () -> {
            start.await();
            try {
                drafts.adopt(id, "social-security-card", "社保卡能绑定几张银行卡", List.of(), "一张社保卡绑定一个金融账户。", Thread.currentThread().getName());
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = pool.submit(adopt);
            Future<Boolean> b = pool.submit(adopt);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(editor.history("social-security-card")).hasSize(versions + 1);
    }

    @Test
    void anUnknownItemOrAnEmptyAnswerIsRefusedKeepingTheFormAndChangesNothing() throws Exception {
        long id = proposal("dog-registration", "狗证丢了能补办吗", "可以补办。");
        int versions = editor.history("dog-registration").size();

        mvc.perform(adopt(id, "no-such-item", "狗证丢了能补办吗（改）", "", "可以补办，当场补发。"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("error", "未能采纳：没有这个事项：no-such-item"))
                .andExpect(flash().attribute("proposalForm",
                        new ProposalController.ProposalForm(id, "no-such-item", "狗证丢了能补办吗（改）", "", "可以补办，当场补发。")));
        mvc.perform(adopt(id, "dog-registration", "狗证丢了能补办吗", "", "  "))
                .andExpect(flash().attribute("error", "未能采纳：答案不能为空"));
        mvc.perform(adopt(id, "", "狗证丢了能补办吗", "", "可以补办。"))
                .andExpect(flash().attribute("error", "未能采纳：请选择问答所属的事项"));
        assertThatThrownBy(() -> drafts.adopt(999_999, "dog-registration", "问", List.of(), "答", "ed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("没有这条知识草稿：999999");

        assertThat(stored(id).status()).isEqualTo(FaqProposal.Status.PROPOSED);
        assertThat(stored(id).handledBy()).isNull();
        assertThat(editor.history("dog-registration")).hasSize(versions);
        assertThat(drafts.proposed()).extracting(FaqProposal::id).contains(id);
    }

    @Test
    void whatTheEditorTypedIsShownAgainAfterARefusal() throws Exception {
        long id = proposal("dog-registration", "狗证能网上办吗", "能。");
        mvc.perform(get("/editor").flashAttr("proposalForm",
                                new ProposalController.ProposalForm(id, "no-such-item", "狗证能网上办吗", "", "能，在浙里办办理。"))
                        .with(user("ed").roles("EDITOR")))
                .andExpect(content().string(allOf(containsString("value=\"no-such-item\""), containsString("能，在浙里办办理。"))));
    }
}
