package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.askonce.Eventually;
import org.askonce.TestInstances;
import org.askonce.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two AskOnce instances behind one official account, sharing a database and Redis (127.0.0.1:6379):
 * a message WeChat delivers to both (a retry reaching the other instance) is handled once, and the
 * access_token one instance fetched is the one the other uses. Skipped without Redis, except on CI.
 */
class WechatTwoInstancesIntegrationTests {

    private static final String APP_ID = "wxtwo" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
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
        Assumptions.assumeTrue(redis, "Skipped: no Redis on 127.0.0.1:6379, so two instances cannot share WeChat state");
        String db = "jdbc:h2:mem:two-instances-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        first = start(db, "a");
        second = start(db, "b");
        // a first message warms each instance up (seconds on a busy machine, beyond the reply budget): not what is tested here
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            try {
                client(instance).post(WechatTestClient.text("warm-up-user", WechatTestClient.nextMsgId(), "狗证要带什么材料"));
            } catch (Exception e) {
                throw new IllegalStateException("warm-up message failed", e);
            }
        }
    }

    private static ConfigurableApplicationContext start(String db, String name) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("askonce.data-dir", "target/test-data/instance-" + name);
        p.put("askonce.knowledge-base", "src/test/resources/mini/kb");
        p.put("askonce.nlp.training-dir", "src/test/resources/mini/training");
        p.put("spring.datasource.url", db);
        p.put("askonce.redis.enabled", "true");
        p.put("spring.data.redis.url", TestRedis.url("127.0.0.1", 6379));
        p.put("askonce.wechat.accounts[0].app-id", APP_ID);
        p.put("askonce.wechat.accounts[0].token", "two-token");
        p.put("askonce.wechat.accounts[0].secret", "two-secret");
        p.put("askonce.wechat.outbox.enabled", "false");
        return TestInstances.start(p);
    }

    @AfterAll
    static void stop() {
        TestInstances.closeAll(first, second);
    }

    private static WechatTestClient client(ConfigurableApplicationContext c) {
        int port = ((ServletWebServerApplicationContext) c).getWebServer().getPort();
        return new WechatTestClient(port, APP_ID, "two-token", null);
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(WechatTestClient client, String xml) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.post(xml);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void aMessageDeliveredToBothInstancesIsHandledOnceAndBothGiveTheSameReply() throws Exception {
        String xml = WechatTestClient.text("two-user", WechatTestClient.nextMsgId(), "狗证要带什么材料");
        List<HttpResponse<String>> responses = List.of(postAsync(client(first), xml), postAsync(client(second), xml),
                postAsync(client(second), xml)).stream().map(CompletableFuture::join).toList();
        HttpResponse<String> retry = client(first).post(xml);

        List<String> replies = java.util.stream.Stream.concat(responses.stream(), java.util.stream.Stream.of(retry))
                .map(r -> client(first).reply(r).getContent()).toList();
        assertThat(replies).allSatisfy(r -> assertThat(r).isEqualTo(replies.get(0)).contains("犬只狂犬病免疫证明"));
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_turn t JOIN conversation c ON c.id = t.conversation_id WHERE c.user_id = 'two-user'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDedupEntryLivesInRedisWithAnExpiry() throws Exception {
        long msgId = WechatTestClient.nextMsgId();
        client(first).post(WechatTestClient.text("ttl-user", msgId, "你好"));
        StringRedisTemplate redis = second.getBean(StringRedisTemplate.class);
        String key = "askonce:wechat:msg:" + APP_ID + ":m:" + msgId;
        // the reply is written to Redis on the writer thread, so that WeChat's reply never waits for Redis
        Eventually.until("the settled entry in Redis", java.time.Duration.ofSeconds(2),
                () -> String.valueOf(redis.opsForValue().get(key)).startsWith("R"));
        assertThat(redis.getExpire(key)).isBetween(1L, 600L);
    }

    @Test
    void anAccessTokenFetchedByOneInstanceIsUsedByTheOther() {
        var one = first.getBean(WechatAccounts.class).find(APP_ID).orElseThrow().config();
        var other = second.getBean(WechatAccounts.class).find(APP_ID).orElseThrow().config();
        one.updateAccessToken("shared-token-" + APP_ID, 7200);
        assertThat(other.getAccessToken()).isEqualTo("shared-token-" + APP_ID);
        assertThat(other.isAccessTokenExpired()).isFalse();
    }
}
