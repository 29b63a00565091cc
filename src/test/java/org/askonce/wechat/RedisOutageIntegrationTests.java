package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.askonce.Eventually;
import org.askonce.TcpProxy;
import org.askonce.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat while Redis (127.0.0.1:6379, reached through a proxy the test cuts) does not answer: every
 * text message is still answered within WeChat's 5 s, passively or by a push that reaches the fake
 * WeChat API; "更多" and pushes (the access_token) work from the instance's memory; the outage is
 * logged once. Skipped without Redis, except on CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/wechat/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:redis-outage;DB_CLOSE_DELAY=-1",
    "askonce.redis.enabled=true",
    "spring.data.redis.timeout=300ms",
    "spring.data.redis.connect-timeout=300ms",
    "askonce.wechat.outbox.poll-interval=50ms",
    "askonce.wechat.outbox.first-retry=200ms"})
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageIntegrationTests {

    static final String APP_ID = "wxredisout" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    static final String TOKEN = "redis-outage-token";
    private static final Duration WECHAT_GIVES_UP = Duration.ofSeconds(5);
    private static final FakeWechatApi API = FakeWechatApi.started();
    private static TcpProxy redisProxy;

    @BeforeAll
    static void redisAnswers() {
        boolean redis;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            redis = true;
        } catch (java.io.IOException e) {
            redis = false;
        }
        if (!redis && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but no Redis on 127.0.0.1:6379 (.ci/run should have started it)");
        }
        Assumptions.assumeTrue(redis, "Skipped: no Redis on 127.0.0.1:6379 to cut");
    }

    @DynamicPropertySource
    static void redisThroughTheProxy(DynamicPropertyRegistry registry) {
        redisProxy = TcpProxy.to("127.0.0.1", 6379);
        registry.add("spring.data.redis.url", () -> TestRedis.url("127.0.0.1", redisProxy.port()));
        registry.add("askonce.wechat.api-host", API::url);
        // a list binds from one source: the whole account here, its app id random (Redis is shared with other runs)
        registry.add("askonce.wechat.accounts[0].app-id", () -> APP_ID);
        registry.add("askonce.wechat.accounts[0].secret", () -> "redis-outage-secret");
        registry.add("askonce.wechat.accounts[0].token", () -> TOKEN);
    }

    @AfterAll
    static void stop() {
        API.close();
        if (redisProxy != null) {
            redisProxy.close();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RedisGuard guard;
    @Autowired
    WechatOutbox outbox;
    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void resetApi() {
        API.reset();
    }

    @AfterEach
    void redisBack() throws InterruptedException {
        redisProxy.restore();
        // a connection cut without being used is only noticed on its next use: use it
        guard.call(() -> redis.hasKey("askonce:wechat:test"), () -> false);
        Eventually.until("Redis to be used again", Duration.ofSeconds(10), guard::reachable);
    }

    private WechatTestClient client() {
        return new WechatTestClient(port, APP_ID, TOKEN, null);
    }

    /** Sends the question and returns what the citizen got within WeChat's 5 s: the passive reply, or the push. */
    private String answerWithinFiveSeconds(String openId, String question) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = client().post(WechatTestClient.text(openId, WechatTestClient.nextMsgId(), question));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(tookMs).as("WeChat gets its answer before it gives up").isLessThan(WECHAT_GIVES_UP.toMillis());
        if (!r.body().equals("success")) {
            WxMpXmlMessage reply = client().reply(r);
            return reply.getContent();
        }
        Duration left = WECHAT_GIVES_UP.minusMillis(tookMs);
        Eventually.until("the push to " + openId, left, () -> API.kefuBodies.stream().anyMatch(b -> b.contains(openId)));
        return API.kefuBodies.stream().filter(b -> b.contains(openId)).findFirst().orElseThrow();
    }

    @Test
    void aQuestionIsAnsweredInTimeWhileRedisIsBlackHoled() throws Exception {
        redisProxy.blackHole();
        assertThat(answerWithinFiveSeconds("bh-user", "狗证要带什么材料")).contains("犬只狂犬病免疫证明");
        assertThat(answerWithinFiveSeconds("bh-user", "狗证在哪办")).contains("西湖区");
    }

    @Test
    void aQuestionIsAnsweredInTimeWhileRedisRefusesConnections() throws Exception {
        redisProxy.reset();
        assertThat(answerWithinFiveSeconds("refused-user", "狗证要带什么材料")).contains("犬只狂犬病免疫证明");
    }

    @Test
    void aRetryDuringTheOutageGetsTheSameReplyAndTheQuestionIsHandledOnce() throws Exception {
        redisProxy.blackHole();
        String xml = WechatTestClient.text("retry-user", WechatTestClient.nextMsgId(), "狗证要带什么材料");
        String first = client().reply(client().post(xml)).getContent();
        String retry = client().reply(client().post(xml)).getContent();
        assertThat(retry).isEqualTo(first).contains("犬只狂犬病免疫证明");
    }

    @Test
    void moreGivesTheNextPartWhileRedisIsDown() throws Exception {
        redisProxy.blackHole();
        String first = answerWithinFiveSeconds("more-user", "全部注意事项有哪些");
        assertThat(first).contains("1. 第1项说明").contains("回复“更多”");
        String second = answerWithinFiveSeconds("more-user", "更多");
        assertThat(second).doesNotContain("1. 第1项说明").contains("项说明");
    }

    @Test
    void aPushGoesOutWhileRedisIsDownWithAnAccessTokenFromMemory() throws Exception {
        redisProxy.blackHole();
        outbox.enqueue(APP_ID, "push-user", "您预约的材料已备好", "test");
        Eventually.until("the push", Duration.ofSeconds(5), () -> API.kefuBodies.stream().anyMatch(b -> b.contains("push-user")));
        assertThat(API.kefuBodies.get(0)).contains("您预约的材料已备好");
    }

    @Test
    void theOutageIsLoggedOnceNotPerMessage(CapturedOutput output) throws Exception {
        int before = count(output.getAll(), "Redis does not answer");
        redisProxy.blackHole();
        for (int i = 0; i < 3; i++) {
            answerWithinFiveSeconds("log-user-" + i, "狗证要带什么材料");
        }
        assertThat(count(output.getAll(), "Redis does not answer") - before).isEqualTo(1);
        redisProxy.restore();
        Eventually.until("Redis to be used again", Duration.ofSeconds(10), guard::reachable);
        // the prober logs just after it marks Redis reachable, on its own thread
        Eventually.until("the recovery to be logged", Duration.ofSeconds(5), () -> output.getAll().contains("Redis answers again"));
    }

    @Test
    void onceRedisAnswersAgainTheDedupEntryIsSharedThroughIt() throws Exception {
        redisProxy.blackHole();
        answerWithinFiveSeconds("again-user", "你好");
        redisProxy.restore();
        Eventually.until("Redis to be used again", Duration.ofSeconds(10), guard::reachable);
        long msgId = WechatTestClient.nextMsgId();
        client().post(WechatTestClient.text("again-user", msgId, "你好"));
        String key = "askonce:wechat:msg:" + APP_ID + ":m:" + msgId;
        Eventually.until("the settled entry in Redis", Duration.ofSeconds(2), () -> {
            String v = redis.opsForValue().get(key);
            return v != null && v.startsWith("R");
        });
    }

    @Test
    void healthIsDegradedNotDownWhileRedisIsAway() throws Exception {
        redisProxy.blackHole();
        answerWithinFiveSeconds("health-user", "你好");
        var health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("an instance that still answers stays in the load balancer").isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"DEGRADED\"");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
