import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The load script's ceiling: the JDK's own HTTP server on loopback answering every request with a fixed
 * 303-byte WeChat XML reply, nothing else. It shows what this machine serves when a request costs
 * almost nothing, so AskOnce's figures can be read as ratios to it in the same run.
 * {@code java -Dsun.net.httpserver.nodelay=true src/test/load/BareEcho.java PORT} (TCP_NODELAY, as Tomcat sets it).
 */
public class BareEcho {

    private static final byte[] REPLY = ("<xml><ToUserName><![CDATA[o-load-citizen]]></ToUserName>"
            + "<FromUserName><![CDATA[gh_load]]></FromUserName><CreateTime>1700000000</CreateTime>"
            + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[办理养犬登记需要：身份证、房产证明或租赁合同、"
            + "犬只免疫证明。]]></Content>\n</xml>\n").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        if (!"true".equals(System.getProperty("sun.net.httpserver.nodelay"))) {
            System.err.println("start with -Dsun.net.httpserver.nodelay=true (TCP_NODELAY)");
            System.exit(2);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/xml;charset=UTF-8");
            exchange.sendResponseHeaders(200, REPLY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(REPLY);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 2));
        server.start();
        System.out.println("bare echo on 127.0.0.1:" + args[0] + ", " + REPLY.length + "-byte reply");
    }
}
