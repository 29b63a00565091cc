package org.askonce.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeChat's API on loopback for tests: hands out an access_token and takes customer-service and
 * template messages. It can be made to fail (HTTP 503, as in an outage) or to refuse with an errcode.
 */
final class FakeWechatApi implements AutoCloseable {

    static final String ACCESS_TOKEN = "FAKE-ACCESS-TOKEN-b9f3c1";

    private final HttpServer server;
    final List<String> kefuBodies = new CopyOnWriteArrayList<>();
    final List<String> templateBodies = new CopyOnWriteArrayList<>();
    final AtomicInteger sendCalls = new AtomicInteger();
    final AtomicInteger tokenCalls = new AtomicInteger();
    final List<String> menus = new CopyOnWriteArrayList<>();
    private volatile int outageCalls;
    private volatile int errcode;

    /** A started fake for a test class's static field (no checked exception to wrap there). */
    static FakeWechatApi started() {
        try {
            return new FakeWechatApi();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    FakeWechatApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/token", ex -> {
            tokenCalls.incrementAndGet();
            respond(ex, 200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":7200}");
        });
        server.createContext("/cgi-bin/message/custom/send", ex -> take(ex, kefuBodies, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        server.createContext("/cgi-bin/message/template/send", ex -> take(ex, templateBodies, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}"));
        server.createContext("/cgi-bin/menu/create", ex -> {
            menus.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code calls} sends fail with HTTP 503. */
    void outage(int calls) {
        outageCalls = calls;
    }

    /** Every send is refused with this errcode (0: accepted). */
    void refuseWith(int code) {
        errcode = code;
    }

    void reset() {
        kefuBodies.clear();
        templateBodies.clear();
        sendCalls.set(0);
        outageCalls = 0;
        errcode = 0;
    }

    /** A send (customer-service or template message): taken into {@code bodies}, unless failing or refusing. */
    private void take(HttpExchange ex, List<String> bodies, String accepted) throws IOException {
        sendCalls.incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!ex.getRequestURI().getQuery().contains("access_token=" + ACCESS_TOKEN)) {
            respond(ex, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            return;
        }
        if (outageCalls > 0) {
            outageCalls--;
            respond(ex, 503, "Service Unavailable");
            return;
        }
        if (errcode != 0) {
            respond(ex, 200, "{\"errcode\":" + errcode + ",\"errmsg\":\"refused by the fake\"}");
            return;
        }
        bodies.add(body);
        respond(ex, 200, accepted);
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
