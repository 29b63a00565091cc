package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.net.http.HttpResponse;
import org.askonce.appointments.Appointment;
import org.askonce.appointments.AppointmentReminderDue;
import org.askonce.Eventually;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Answers that miss the passive-reply budget, and the outbox that delivers them and agents'
 * messages through WeChat's customer-service API, here a fake API on loopback that can fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:wechat-outbox;DB_CLOSE_DELAY=-1",
    "askonce.wechat.accounts[0].app-id=" + WechatOutboxIntegrationTests.APP_ID,
    "askonce.wechat.accounts[0].secret=outbox-secret-value",
    "askonce.wechat.accounts[0].token=outbox-token",
    "askonce.wechat.accounts[0].reminder-template.id=TPL-reminder-7",
    "askonce.wechat.reply-budget=300ms",
    "askonce.wechat.outbox.poll-interval=50ms",
    "askonce.wechat.outbox.first-retry=150ms",
    "askonce.wechat.outbox.max-attempts=4"})
@ExtendWith(OutputCaptureExtension.class)
class WechatOutboxIntegrationTests {

    static final String APP_ID = "wxoutboxtest00001";
    static final FakeWechatApi API = FakeWechatApi.started();

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
    WechatOutbox outbox;
    @Autowired
    MessageLedger ledger;
    @MockitoSpyBean
    WechatMessageHandler handler;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @BeforeEach
    void reset() {
        API.reset();
        Mockito.reset(handler);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.until(what, Duration.ofSeconds(10), condition);
    }

    private WechatOutbox.Message settled(long id) throws InterruptedException {
        waitFor("outbox " + id + " to settle", () -> outbox.find(id).orElseThrow().state() != WechatOutbox.State.PENDING);
        return outbox.find(id).orElseThrow();
    }

    @Test
    void aMessageWhoseFirstDeliveryWasTakenByAnInstanceThatDiedIsAnsweredByPushOnWechatsRetry() throws Exception {
        WechatTestClient client = new WechatTestClient(port, APP_ID, "outbox-token", null);
        assertThat(client.post(WechatTestClient.text("warm-up-user-2", WechatTestClient.nextMsgId(), "你好")).statusCode()).isEqualTo(200);
        long msgId = WechatTestClient.nextMsgId();
        // another instance took the message and was killed before it answered: claimed, never settled
        assertThat(ledger.claim(APP_ID + ":m:" + msgId, Duration.ofMinutes(10))).isTrue();

        HttpResponse<String> retry = client.post(WechatTestClient.text("orphan-user", msgId, "狗证要带什么材料"));
        HttpResponse<String> again = client.post(WechatTestClient.text("orphan-user", msgId, "狗证要带什么材料"));

        assertThat(retry.body()).isEqualTo("success");
        assertThat(again.body()).isEqualTo("success");
        waitFor("the orphaned message's answer to reach WeChat", () -> API.kefuBodies.stream().anyMatch(b -> b.contains("\"touser\":\"orphan-user\"")));
        Thread.sleep(500); // a second answer would have come by now
        assertThat(API.kefuBodies.stream().filter(b -> b.contains("\"touser\":\"orphan-user\""))).singleElement().asString()
                .contains("犬只狂犬病免疫证明");
    }

    @Test
    void anAnswerThatMissesTheBudgetIsAcknowledgedAndSentAsACustomerServiceMessage() throws Exception {
        WechatTestClient client = new WechatTestClient(port, APP_ID, "outbox-token", null);
        // a first request initialises the web stack (seconds on a busy machine), which is not what is timed here
        assertThat(client.post(WechatTestClient.text("warm-up-user", WechatTestClient.nextMsgId(), "你好")).statusCode()).isEqualTo(200);
        doAnswer(inv -> {
            Thread.sleep(1500);
            return inv.callRealMethod();
        }).when(handler).respond(any(), any());

        long start = System.nanoTime();
        HttpResponse<String> r = client.post(WechatTestClient.text("slow-user", WechatTestClient.nextMsgId(), "狗证要带什么材料"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("success");
        assertThat(elapsedMs).as("replied before the answer was ready").isLessThan(1500);
        // (the warm-up may have missed the budget too, its reply then pushed as well: the budget counts from the request's arrival)
        waitFor("the late answer to reach WeChat", () -> API.kefuBodies.stream().anyMatch(b -> b.contains("\"touser\":\"slow-user\"")));
        assertThat(API.kefuBodies.stream().filter(b -> b.contains("\"touser\":\"slow-user\""))).singleElement().asString()
                .contains("犬只狂犬病免疫证明");
        // WeChat has it; the dispatcher records SENT right after, on its own thread
        waitFor("the outbox to record the delivery", () -> outbox.messagesTo(APP_ID, "slow-user").stream()
                .anyMatch(m -> m.state() == WechatOutbox.State.SENT));
        assertThat(outbox.messagesTo(APP_ID, "slow-user")).singleElement()
                .satisfies(m -> assertThat(m.state()).isEqualTo(WechatOutbox.State.SENT));
    }

    @Test
    void aWechatOutageLosesNothingAndTheMessageIsDeliveredOnce() throws Exception {
        API.outage(2);
        long id = outbox.enqueue(APP_ID, "outage-user", "您好，工作人员的答复：狗证可以在西湖区办理。", "test");

        WechatOutbox.Message m = settled(id);

        assertThat(m.state()).isEqualTo(WechatOutbox.State.SENT);
        assertThat(m.attempts()).isEqualTo(3);
        assertThat(API.kefuBodies).singleElement().asString().contains("狗证可以在西湖区办理");
        Thread.sleep(300);
        assertThat(API.kefuBodies).hasSize(1);
    }

    @Test
    void outsideThe48HourWindowTheMessageIsMarkedAndNotRetried() throws Exception {
        API.refuseWith(45015);
        long id = outbox.enqueue(APP_ID, "silent-user", "答复", null);

        WechatOutbox.Message m = settled(id);

        assertThat(m.state()).isEqualTo(WechatOutbox.State.OUTSIDE_WINDOW);
        assertThat(m.lastError()).startsWith("45015");
        assertThat(m.content()).isEqualTo("答复");
        Thread.sleep(400);
        assertThat(API.sendCalls.get()).isEqualTo(1);
    }

    @Test
    void anExhaustedQuotaIsMarkedAndNotRetried() throws Exception {
        API.refuseWith(45047);
        WechatOutbox.Message m = settled(outbox.enqueue(APP_ID, "quota-user", "答复", null));
        assertThat(m.state()).isEqualTo(WechatOutbox.State.QUOTA_EXCEEDED);
        Thread.sleep(400);
        assertThat(API.sendCalls.get()).isEqualTo(1);
    }

    @Test
    void aLongOutageEndsFailedAfterTheLastAttemptWithTheMessageKept() throws Exception {
        API.outage(100);
        WechatOutbox.Message m = settled(outbox.enqueue(APP_ID, "down-user", "答复内容", null));
        assertThat(m.state()).isEqualTo(WechatOutbox.State.FAILED);
        assertThat(m.attempts()).isEqualTo(4);
        assertThat(m.content()).isEqualTo("答复内容");
    }

    @Test
    void noAccessTokenOrSecretReachesTheLogWhenWechatRefuses(CapturedOutput output) throws Exception {
        API.refuseWith(48001);
        WechatOutbox.Message m = settled(outbox.enqueue(APP_ID, "log-user", "答复", null));
        assertThat(m.state()).isEqualTo(WechatOutbox.State.FAILED);
        // the dispatcher stores FAILED first and logs a moment later, on its own thread
        waitFor("the refusal to be logged", () -> output.getAll().contains("48001"));
        assertThat(output.getAll()).contains("48001").doesNotContain(FakeWechatApi.ACCESS_TOKEN).doesNotContain("outbox-secret-value");
        assertThat(m.lastError()).doesNotContain(FakeWechatApi.ACCESS_TOKEN);
    }

    private static AppointmentReminderDue reminder(String openId) {
        Appointment booking = new Appointment("K7M2PQ", "养犬登记（犬证办理）", "西湖区行政服务中心", java.time.LocalDate.of(2026, 12, 8),
                "09:00", "09:30");
        return new AppointmentReminderDue("wechat", openId, booking, "预约提醒：您明天（12月8日）09:00-09:30在西湖区行政服务中心办理……");
    }

    @Test
    void aBookingReminderGoesAsTheAccountsTemplateMessageWithTheBookingInItsFieldsAndTheGuideAsItsLink() throws Exception {
        events.publishEvent(reminder("reminded-user"));

        WechatOutbox.Message m = outbox.messagesTo(APP_ID, "reminded-user").get(0);
        assertThat(settled(m.id()).state()).isEqualTo(WechatOutbox.State.SENT);
        assertThat(m.content()).startsWith("预约提醒：您明天（12月8日）09:00-09:30");
        assertThat(API.kefuBodies).isEmpty();
        assertThat(API.templateBodies).singleElement().asString()
                .contains("\"touser\":\"reminded-user\"", "\"template_id\":\"TPL-reminder-7\"",
                        "\"client_msg_id\":\"askonce-outbox-" + m.id() + "\"", "/guide/dog-registration\"",
                        "\"thing1\":{\"value\":\"养犬登记（犬证办理）\"}", "\"time2\":{\"value\":\"2026年12月8日 09:00\"}",
                        "\"thing3\":{\"value\":\"西湖区行政服务中心\"}", "\"character_string4\":{\"value\":\"K7M2PQ\"}");
    }

    @Test
    void aTemplateMessageWechatRefusesAsInvalidIsNotRetried() throws Exception {
        API.refuseWith(40037);
        events.publishEvent(reminder("template-refused-user"));

        WechatOutbox.Message m = settled(outbox.messagesTo(APP_ID, "template-refused-user").get(0).id());

        assertThat(m.state()).isEqualTo(WechatOutbox.State.FAILED);
        assertThat(m.lastError()).startsWith("40037");
        Thread.sleep(400);
        assertThat(API.sendCalls.get()).isEqualTo(1);
    }
}
