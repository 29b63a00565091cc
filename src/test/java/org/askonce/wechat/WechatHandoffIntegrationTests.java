package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.askonce.Eventually;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.Message;
import org.askonce.handoff.Handoff;
import org.askonce.handoff.HandoffQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hand-off that starts with a WeChat message and is answered back into WeChat: the agent's reply
 * goes out as a customer-service message (a fake WeChat API on loopback), survives an outage, and
 * a refusal outside the 48-hour window marks the hand-off so the agent knows to call instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:wechat-handoff;DB_CLOSE_DELAY=-1",
    "askonce.wechat.accounts[0].app-id=" + WechatHandoffIntegrationTests.APP_ID,
    "askonce.wechat.accounts[0].secret=handoff-secret-value",
    "askonce.wechat.accounts[0].token=handoff-token",
    "askonce.wechat.outbox.poll-interval=50ms",
    "askonce.wechat.outbox.first-retry=150ms",
    "askonce.wechat.outbox.max-attempts=5",
    "askonce.handoff.hours=00:00-23:59",
    "askonce.handoff.workdays=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"})
class WechatHandoffIntegrationTests {

    static final String APP_ID = "wxhandofftest0001";
    static final FakeWechatApi API = FakeWechatApi.started();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void wechatApi(DynamicPropertyRegistry registry) {
        registry.add("askonce.wechat.api-host", API::url);
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    HandoffQueue queue;
    @Autowired
    Conversations conversations;

    private WechatTestClient client;

    @BeforeEach
    void reset() {
        API.reset();
        client = new WechatTestClient(port, APP_ID, "handoff-token", null);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.until(what, Duration.ofSeconds(10), condition);
    }

    private String handOff(String openId) throws Exception {
        HttpResponse<String> r = client.post(WechatTestClient.text(openId, WechatTestClient.nextMsgId(), "转人工"));
        assertThat(r.body()).contains("人工客服");
        return queue.queue().stream().filter(h -> h.userId().equals(openId)).findFirst().orElseThrow().conversationId();
    }

    private static String content(String kefuBody) {
        try {
            return JSON.readTree(kefuBody).get("text").get("content").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Message agentMessage(String conversationId, long id) {
        return conversations.messages(conversationId, id - 1).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aWechatHandoffIsAnsweredBackIntoWechatAndTheBotStaysSilentMeanwhile() throws Exception {
        String id = handOff("wx-citizen-1");
        assertThat(queue.transcript(id).handoff().channel()).isEqualTo(Channel.WECHAT);
        queue.claim(id, "agent-a");

        HttpResponse<String> meanwhile = client.post(WechatTestClient.text("wx-citizen-1", WechatTestClient.nextMsgId(), "狗证要带什么材料"));
        Message reply = queue.reply(id, "agent-a", "您好，办狗证请带身份证和犬只免疫证明。");

        assertThat(meanwhile.body()).doesNotContain("犬只狂犬病免疫证明");
        waitFor("the agent's reply to reach WeChat", () -> API.kefuBodies.size() == 1);
        assertThat(API.kefuBodies.get(0)).contains("\"touser\":\"wx-citizen-1\"").contains("办狗证请带身份证和犬只免疫证明");
        waitFor("the delivery to be recorded", () -> "SENT".equals(agentMessage(id, reply.id()).delivery()));
    }

    @Test
    void aReplyDuringAWechatOutageIsDeliveredOnceWhenItIsBack() throws Exception {
        String id = handOff("wx-citizen-2");
        queue.claim(id, "agent-a");
        API.outage(2);

        Message reply = queue.reply(id, "agent-a", "材料齐全当场办结。");

        waitFor("the retry to be recorded", () -> "PENDING".equals(agentMessage(id, reply.id()).delivery())
                && agentMessage(id, reply.id()).deliveryDetail() != null);
        waitFor("the delivery after the outage", () -> "SENT".equals(agentMessage(id, reply.id()).delivery()));
        assertThat(API.kefuBodies).filteredOn(b -> b.contains("材料齐全当场办结")).hasSize(1);
        assertThat(queue.transcript(id).messages()).extracting(Message::text).contains("材料齐全当场办结。");
    }

    @Test
    void outsideTheFortyEightHourWindowTheHandoffIsMarkedAndTheLeftPhoneShown() throws Exception {
        String id = handOff("wx-citizen-3");
        client.post(WechatTestClient.text("wx-citizen-3", WechatTestClient.nextMsgId(), "联系电话13800001111"));
        queue.claim(id, "agent-a");
        API.refuseWith(45015);

        Message reply = queue.reply(id, "agent-a", "您好，您的问题已经查清。");

        waitFor("the refusal to be recorded", () -> "OUTSIDE_WINDOW".equals(agentMessage(id, reply.id()).delivery()));
        Handoff h = queue.transcript(id).handoff();
        assertThat(h.unreachable()).isTrue();
        assertThat(h.contactPhone()).isEqualTo("13800001111");
        assertThat(agentMessage(id, reply.id()).text()).isEqualTo("您好，您的问题已经查清。");
    }

    @Test
    void aReplyLongerThanWechatTakesArrivesInPartsSplitAtLineEndsInOrderEvenWhenTheFirstPartMustBeRetried() throws Exception {
        String id = handOff("wx-citizen-4");
        queue.claim(id, "agent-a");
        API.outage(1);
        List<String> lines = IntStream.rangeClosed(1, 30).mapToObj(i -> "第" + i + "项：请携带申请人本人身份证原件及复印件一份，复印件需清晰完整。").toList();

        Message reply = queue.reply(id, "agent-a", String.join("\n", lines));

        waitFor("every part to be sent", () -> "SENT".equals(agentMessage(id, reply.id()).delivery()));
        List<String> sent = API.kefuBodies.stream().filter(b -> b.contains("\"touser\":\"wx-citizen-4\""))
                .map(WechatHandoffIntegrationTests::content).toList();
        assertThat(sent).hasSizeGreaterThan(1);
        assertThat(sent).allSatisfy(c -> assertThat(c.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048));
        String joined = sent.stream().map(c -> c.replaceAll("\n（第\\d+/\\d+条）$", "")).collect(Collectors.joining("\n"));
        assertThat(joined).isEqualTo(String.join("\n", lines));
        assertThat(sent.get(0)).startsWith("第1项").endsWith("（第1/" + sent.size() + "条）");
        // the web channel and the transcript keep the reply whole
        assertThat(agentMessage(id, reply.id()).text()).isEqualTo(String.join("\n", lines));
    }
}
