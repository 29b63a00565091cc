import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chaos benchmark: two AskOnce instances (postgres profile, Redis) behind nginx, WeChat traffic
 * with WeChat's retries (5 s timeout, three tries, the same MsgId), while one instance is killed with
 * -9 (and started again), PostgreSQL is cut for 45 s and Redis for 20 s (TCP proxies in this program
 * that close every connection and refuse new ones while cut). WeChat's API is a fake in this program
 * that records the customer-service messages (pushes). At the end it prints messages sent, answered
 * by passive reply, answered by push, lost (no answer at all) and duplicated (answered more than once).
 *
 * <p>Run with {@code bash src/test/load/chaos.sh} (builds the jar, needs nginx, PostgreSQL on
 * 127.0.0.1:5432 and Redis on 127.0.0.1:6379).
 */
public class Chaos {

    static final String APP = "wxchaostest000001";
    static final String TOKEN = "chaos-token";
    static final String[] QUESTIONS = {"办狗证要带啥", "护照在哪办", "公积金租房提取多久到账", "新生儿落户要什么材料", "身份证丢了怎么补",
        "结婚登记要带什么", "社保卡挂失", "驾驶证到期换证要多久", "居住证怎么办", "异地就医备案怎么弄"};
    static final Pattern TOUSER = Pattern.compile("\"touser\"\\s*:\\s*\"([^\"]+)\"");
    /** What the queued acknowledgement says (knowledge-base/wechat/channel.yaml, {@code queued}). */
    static final String QUEUED = "答复稍后会发到这里";

    public static void main(String[] args) throws Exception {
        String jar = arg(args, "--jar", "target/askonce.jar");
        int users = Integer.parseInt(arg(args, "--users", "40"));
        Path work = Files.createTempDirectory("askonce-chaos");
        String schema = "chaos_" + Long.toHexString(System.nanoTime()); // Flyway creates it
        Proxy pg = new Proxy(15432, 5432);
        Proxy redis = new Proxy(16379, 6379);
        FakeWechat wechat = new FakeWechat(18090);
        List<Instance> instances = List.of(new Instance("a", 18081, jar, work, schema), new Instance("b", 18082, jar, work, schema));
        Process nginx = null;
        try {
            for (Instance i : instances) { // one after the other: the first creates the schema
                i.start();
                i.awaitUp(Duration.ofSeconds(180));
            }
            nginx = nginx(work, 18080, instances);
            Driver driver = new Driver("http://127.0.0.1:18080/wx/portal/" + APP, users);
            log("traffic: " + users + " WeChat users, one question every 2 s each, through nginx :18080 to instances :18081 and :18082");
            driver.start();
            sleep(30);
            log("kill -9 instance a");
            instances.get(0).kill();
            sleep(20);
            log("start instance a again");
            instances.get(0).start();
            instances.get(0).awaitUp(Duration.ofSeconds(120));
            sleep(15);
            log("cut PostgreSQL for 45 s");
            pg.cut();
            sleep(45);
            pg.restore();
            log("PostgreSQL back");
            sleep(30);
            log("cut Redis for 20 s");
            redis.cut();
            sleep(20);
            redis.restore();
            log("Redis back");
            sleep(20);
            driver.stop();
            log("traffic stopped; waiting up to 120 s for answers still owed (pushes)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && driver.lost(wechat) > 0) {
                Thread.sleep(1000);
            }
            driver.report(wechat);
        } finally {
            if (nginx != null) {
                nginx.destroy();
            }
            for (Instance i : instances) {
                i.kill();
            }
            pg.close();
            redis.close();
            wechat.close();
            System.out.println("logs and nginx config: " + work);
        }
        System.exit(0); // the fake API's and the proxies' threads would keep the JVM alive
    }

    static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    static void sleep(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    static final long START = System.nanoTime();

    static void log(String what) {
        System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - START) / 1e9, what);
    }

    static Process nginx(Path work, int port, List<Instance> instances) throws Exception {
        Path dir = work.resolve("nginx");
        Files.createDirectories(dir.resolve("logs"));
        StringBuilder upstream = new StringBuilder();
        for (Instance i : instances) {
            upstream.append("    server 127.0.0.1:").append(i.port).append(" max_fails=1 fail_timeout=5s;\n");
        }
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                  upstream askonce {
                %2$s    keepalive 32;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://askonce;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_connect_timeout 1s;
                      proxy_read_timeout 10s;
                      proxy_next_upstream error timeout http_502 http_503;
                    }
                  }
                }
                """.formatted(dir, upstream, port));
        Process p = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        Thread.sleep(500);
        if (!p.isAlive()) {
            throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/stdout.log")));
        }
        return p;
    }

    /** One AskOnce instance as a process. */
    static final class Instance {
        final String name;
        final int port;
        final String jar;
        final Path work;
        final String schema;
        Process process;

        Instance(String name, int port, String jar, Path work, String schema) {
            this.name = name;
            this.port = port;
            this.jar = jar;
            this.work = work;
            this.schema = schema;
        }

        void start() throws IOException {
            List<String> cmd = new ArrayList<>(List.of("java", "-Xmx768m", "-jar", jar, "--spring.profiles.active=postgres",
                    "--server.port=" + port, "--askonce.data-dir=" + work.resolve("data-" + name),
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/test?currentSchema=" + schema,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=", "--spring.flyway.schemas=" + schema,
                    "--askonce.redis.enabled=true", "--spring.data.redis.url=redis://127.0.0.1:16379",
                    "--askonce.wechat.api-host=http://127.0.0.1:18090", "--askonce.rate-limit.enabled=false",
                    "--askonce.rate-limit.trusted-proxies=127.0.0.1"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("instance-" + name + ".log").toFile()));
            Map<String, String> env = pb.environment();
            env.put("ASKONCE_WECHAT_ACCOUNTS_0_APPID", APP);
            env.put("ASKONCE_WECHAT_ACCOUNTS_0_SECRET", "chaos-secret");
            env.put("ASKONCE_WECHAT_ACCOUNTS_0_TOKEN", TOKEN);
            env.put("ASKONCE_WEBCHAT_IDENTITYKEY", "chaos-identity-key-0123456789abcdef");
            process = pb.start();
        }

        void awaitUp(Duration limit) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        log("instance " + name + " up on :" + port);
                        return;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("instance " + name + " exited; see " + work.resolve("instance-" + name + ".log"));
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("instance " + name + " not up within " + limit);
        }

        void kill() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly(); // SIGKILL
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A TCP proxy to a real server; while cut it closes every connection and refuses new ones. */
    static final class Proxy implements AutoCloseable {
        final ServerSocket server;
        final int target;
        final AtomicBoolean cut = new AtomicBoolean();
        final Set<Socket> open = ConcurrentHashMap.newKeySet();
        final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });

        Proxy(int port, int target) throws IOException {
            this.server = new ServerSocket(port, 256, InetAddress.getLoopbackAddress());
            this.target = target;
            pool.submit(this::accept);
        }

        void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (cut.get()) {
                        client.setSoLinger(true, 0);
                        client.close(); // refused: reset at once
                        continue;
                    }
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(upstream);
                    pool.submit(() -> pipe(client, upstream));
                    pool.submit(() -> pipe(upstream, client));
                } catch (IOException e) {
                    // closed or a failed upstream connect: the client's connection is dropped
                }
            }
        }

        void pipe(Socket from, Socket to) {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        void cut() {
            cut.set(true);
            for (Socket s : open) {
                try {
                    s.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // closing anyway
                }
                closeQuietly(s);
            }
            open.clear();
        }

        void restore() {
            cut.set(false);
        }

        static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            cut();
            pool.shutdownNow();
        }
    }

    /** WeChat's API: access tokens and customer-service messages, recorded per user. */
    static final class FakeWechat implements AutoCloseable {
        final HttpServer server;
        final List<String> pushes = new CopyOnWriteArrayList<>();

        FakeWechat(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/cgi-bin/token", ex -> respond(ex, "{\"access_token\":\"CHAOS-TOKEN\",\"expires_in\":7200}"));
            server.createContext("/cgi-bin/message/custom/send", ex -> {
                pushes.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                respond(ex, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }

        static void respond(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        }

        /** Answers pushed per message tag (the question carries "#n"; an answer names the item, not the tag: counted per user). */
        Map<String, Integer> pushesPerUser() {
            Map<String, Integer> out = new ConcurrentHashMap<>();
            for (String p : pushes) {
                Matcher m = TOUSER.matcher(p);
                if (m.find()) {
                    out.merge(m.group(1), 1, Integer::sum);
                }
            }
            return out;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** WeChat: users sending questions, each retried up to three times (5 s timeout) with the same MsgId. */
    static final class Driver {
        final String url;
        final int users;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final AtomicBoolean running = new AtomicBoolean(true);
        /** MsgIds of this run only (a MsgId of an earlier run would be a WeChat retry to the shared ledger). */
        final AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
        final Map<String, Integer> sent = new ConcurrentHashMap<>();
        final Map<String, Integer> passive = new ConcurrentHashMap<>();
        /** Passive replies that only acknowledge ("答复稍后会发到这里": the database is down, the answer comes by push). */
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong failedTries = new AtomicLong();
        final List<Thread> threads = new ArrayList<>();

        Driver(String url, int users) {
            this.url = url;
            this.users = users;
        }

        void start() {
            for (int u = 0; u < users; u++) {
                String user = "chaos-user-" + u;
                Thread t = new Thread(() -> run(user), user);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
        }

        void run(String user) {
            int n = 0;
            while (running.get()) {
                long msgId = msgIds.incrementAndGet();
                String question = QUESTIONS[n++ % QUESTIONS.length];
                String body = "<xml><ToUserName><![CDATA[gh_chaos]]></ToUserName><FromUserName><![CDATA[" + user + "]]></FromUserName>"
                        + "<CreateTime>" + System.currentTimeMillis() / 1000 + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                        + "<Content><![CDATA[" + question + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
                sent.merge(user, 1, Integer::sum);
                for (int attempt = 0; attempt < 3; attempt++) {
                    if (attempt > 0) {
                        retries.incrementAndGet();
                    }
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "?" + signedQuery()))
                                .timeout(Duration.ofSeconds(5)).header("Content-Type", "text/xml")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            if (r.body().contains(QUEUED)) {
                                acknowledged.incrementAndGet(); // the answer is owed by push
                            } else if (r.body().contains("<MsgType><![CDATA[text]]></MsgType>")) {
                                passive.merge(user, 1, Integer::sum);
                            }
                            break; // "success" or an empty body: WeChat takes it, the answer is owed by push
                        }
                        failedTries.incrementAndGet();
                    } catch (Exception e) {
                        failedTries.incrementAndGet();
                    }
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        static String signedQuery() {
            try {
                String ts = Long.toString(System.currentTimeMillis() / 1000);
                String nonce = Long.toHexString(System.nanoTime()) + Long.toHexString(Double.doubleToLongBits(Math.random()));
                String[] parts = {TOKEN, ts, nonce};
                Arrays.sort(parts);
                String sig = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", parts)
                        .getBytes(StandardCharsets.UTF_8)));
                return "signature=" + sig + "&timestamp=" + ts + "&nonce=" + nonce;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        long lost(FakeWechat wechat) {
            Map<String, Integer> pushed = wechat.pushesPerUser();
            long lost = 0;
            for (var e : sent.entrySet()) {
                int answers = passive.getOrDefault(e.getKey(), 0) + pushed.getOrDefault(e.getKey(), 0);
                lost += Math.max(0, e.getValue() - answers);
            }
            return lost;
        }

        void report(FakeWechat wechat) {
            Map<String, Integer> pushed = wechat.pushesPerUser();
            long total = 0, byPassive = 0, byPush = 0, lost = 0, duplicated = 0;
            for (var e : sent.entrySet()) {
                int s = e.getValue();
                int p = passive.getOrDefault(e.getKey(), 0);
                int q = pushed.getOrDefault(e.getKey(), 0);
                total += s;
                byPassive += p;
                byPush += q;
                lost += Math.max(0, s - p - q);
                duplicated += Math.max(0, p + q - s);
            }
            System.out.println();
            System.out.println("== chaos: kill -9 one instance, PostgreSQL cut 45 s, Redis cut 20 s ==");
            System.out.printf("messages sent:               %d (retries by \"WeChat\": %d, failed tries: %d)%n", total, retries.get(),
                    failedTries.get());
            System.out.printf("answered by passive reply:   %d%n", byPassive);
            System.out.printf("acknowledged, answer pushed: %d (\"您的问题已收到…答复稍后会发到这里\")%n", acknowledged.get());
            System.out.printf("answered by push:            %d%n", byPush);
            System.out.printf("lost:                        %d%n", lost);
            System.out.printf("duplicated:                  %d%n", duplicated);
        }
    }
}
