package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.Eventually;
import org.askonce.PostgresSupport;
import org.askonce.TcpProxy;
import org.askonce.TestInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * AskOnce with the production profile while PostgreSQL (the test server, reached through a proxy the
 * test cuts) does not answer: health says DOWN within a second, the web chat answers 503 with a
 * message a citizen can read within two, a WeChat question is acknowledged in time, journaled and
 * answered by push (at the fake WeChat API) once the database is back, also by an instance restarted
 * meanwhile; and the instance answers again at once, although the connections it had were
 * black-holed and never reset.
 */
class PostgresOutageIntegrationTests {

    private static final String APP_ID = "wxpgoutage000001";
    private static final String TOKEN = "pg-outage-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A browser: keeps the citizen's identity cookie, so one web user's questions continue their conversation. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL)).build();
    private static final FakeWechatApi API = FakeWechatApi.started();
    private static TcpProxy database;
    private static String url;
    private static String dataDir;
    private static ConfigurableApplicationContext instance;

    @BeforeAll
    static void start() {
        String direct = PostgresSupport.freshSchemaUrl();
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)").matcher(direct);
        assertThat(m.matches()).as("a PostgreSQL URL with host and port: " + direct).isTrue();
        database = TcpProxy.to(m.group(1), Integer.parseInt(m.group(2)));
        url = "jdbc:postgresql://127.0.0.1:" + database.port() + m.group(3);
        dataDir = "target/test-data/pg-outage-" + UUID.randomUUID();
        instance = start(dataDir);
    }

    static ConfigurableApplicationContext start(String dataDir) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.profiles.active", "postgres");
        p.put("server.port", "0");
        p.put("askonce.data-dir", dataDir);
        p.put("askonce.knowledge-base", "src/test/resources/mini/kb");
        p.put("askonce.nlp.training-dir", "src/test/resources/mini/training");
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        // the profile's settings throughout: the watch's defaults, the pool's and the driver's timeouts
        p.put("askonce.wechat.accounts[0].app-id", APP_ID);
        p.put("askonce.wechat.accounts[0].token", TOKEN);
        p.put("askonce.wechat.accounts[0].secret", "pg-outage-secret");
        p.put("askonce.wechat.api-host", API.url());
        p.put("askonce.wechat.outbox.poll-interval", "100ms");
        p.put("askonce.rate-limit.enabled", "false"); // one identity asks every question here
        return TestInstances.start(p);
    }

    @AfterAll
    static void stop() {
        TestInstances.closeAll(instance);
        API.close();
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void resetApi() {
        API.reset();
    }

    @AfterEach
    void databaseBack() throws InterruptedException {
        database.restore();
        Eventually.until("the database to be back", Duration.ofSeconds(30), () -> status(health()) == 200
                && instance.getBean(org.askonce.system.DatabaseWatch.class).available()); // health asks afresh; the watch notices next probe
    }

    private static int port() {
        return ((ServletWebServerApplicationContext) instance).getWebServer().getPort();
    }

    private static HttpResponse<String> health() {
        return get("/actuator/health");
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(90))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> chat(String userId, String text) {
        try {
            String body = JSON.writeValueAsString(Map.of("userId", userId, "text", text));
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/chat")).timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int status(HttpResponse<String> r) {
        return r.statusCode();
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private static long millis(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static HttpResponse<String> wechat(String openId, String text) throws Exception {
        return new WechatTestClient(port(), APP_ID, TOKEN, null).post(WechatTestClient.text(openId, WechatTestClient.nextMsgId(), text));
    }

    private static String passiveReply(HttpResponse<String> r) {
        return new WechatTestClient(port(), APP_ID, TOKEN, null).reply(r).getContent();
    }

    private static Path journal() {
        return Path.of(dataDir, "wechat-journal.jsonl");
    }

    private static boolean pushed(String openId, String text) {
        return API.kefuBodies.stream().anyMatch(b -> b.contains(openId) && b.contains(text));
    }

    @Test
    void aWechatQuestionDuringTheOutageIsAcknowledgedInTimeAndAnsweredByPushOnceTheDatabaseIsBack() throws Exception {
        database.blackHole();
        for (String question : List.of("狗证要带什么材料", "狗证在哪办")) {
            long start = System.nanoTime();
            HttpResponse<String> r = wechat("wx-cut", question);
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to WeChat's answer").isLessThan(5000);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(passiveReply(r)).isEqualTo(ChannelTexts.QUEUED);
        }
        assertThat(Files.size(journal())).isPositive();
        Thread.sleep(1000);
        assertThat(API.kefuBodies).isEmpty();

        database.restore();
        Eventually.until("both answers pushed", Duration.ofSeconds(30),
                () -> pushed("wx-cut", "犬只狂犬病免疫证明") && pushed("wx-cut", "西湖区"));
        Eventually.until("the journal emptied", Duration.ofSeconds(5), () -> journal().toFile().length() == 0);
    }

    @Test
    void aRestartedInstanceAnswersWhatItsJournalHeld() throws Exception {
        database.blackHole();
        assertThat(passiveReply(wechat("wx-restart", "狗证要带什么材料"))).isEqualTo(ChannelTexts.QUEUED);
        TestInstances.closeAll(instance); // stopped while the database is still down
        instance = null;
        database.restore();
        instance = start(dataDir);
        Eventually.until("the journaled question answered by push", Duration.ofSeconds(30),
                () -> pushed("wx-restart", "犬只狂犬病免疫证明"));
    }

    @Test
    void healthSaysDownWithinASecondOfTheCut() {
        assertThat(status(health())).isEqualTo(200);
        database.blackHole();
        AtomicReference<HttpResponse<String>> r = new AtomicReference<>();
        long took = millis(() -> r.set(health()));
        assertThat(took).isLessThan(1000);
        assertThat(status(r.get())).isEqualTo(503);
        assertThat(json(r.get()).path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void theWebChatAnswers503WithAChineseMessageWithinTwoSecondsOfTheCut() throws InterruptedException {
        // answering before the cut (a connection the previous test's cut left behind may cost one 503 first; the page retries)
        Eventually.until("an answer before the cut", Duration.ofSeconds(10), () -> status(chat("web-cut", "狗证要带什么材料")) == 200);
        database.blackHole();
        for (String question : List.of("狗证在哪办", "狗证要多少钱")) {
            AtomicReference<HttpResponse<String>> r = new AtomicReference<>();
            long took = millis(() -> r.set(chat("web-cut", question)));
            assertThat(took).as("answered in ms").isLessThan(2000);
            assertThat(status(r.get())).isEqualTo(503);
            assertThat(json(r.get()).path("error").asText()).isEqualTo("系统繁忙，正在恢复，请稍后重试。");
            assertThat(r.get().headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void theWebChatAnswers503QuicklyWhenTheDatabaseRefusesConnections() {
        database.reset();
        AtomicReference<HttpResponse<String>> r = new AtomicReference<>();
        long took = millis(() -> r.set(chat("web-reset", "狗证要带什么材料")));
        assertThat(took).isLessThan(2000);
        assertThat(status(r.get())).isEqualTo(503);
    }

    @Test
    void afterABlackHoleWhoseConnectionsNeverResetTheInstanceAnswersAgainWithinAMinute() throws Exception {
        // several questions at once, so that several of the pool's connections are borrowed when the cut comes
        List<CompletableFuture<HttpResponse<String>>> during = new java.util.ArrayList<>();
        database.blackHole();
        for (int i = 0; i < 4; i++) {
            String user = "web-bh-" + i;
            during.add(CompletableFuture.supplyAsync(() -> chat(user, "狗证要带什么材料")));
        }
        Thread.sleep(3000);
        for (CompletableFuture<HttpResponse<String>> f : during) {
            assertThat(status(f.get())).isEqualTo(503);
        }
        database.restore();
        long back = System.nanoTime();
        Eventually.until("a web answer after the restore", Duration.ofSeconds(60),
                () -> status(chat("web-after", "狗证要带什么材料")) == 200);
        long tookMs = (System.nanoTime() - back) / 1_000_000;
        assertThat(tookMs).as("ms from restore to the first answer").isLessThan(60_000);
        assertThat(json(chat("web-after", "狗证在哪办")).path("reply").asText()).isNotBlank();
    }
}
