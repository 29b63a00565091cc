package org.askonce.wechat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The local WeChat simulator for people without an official account: off unless
 * {@code askonce.wechat.simulator=true}, and then only for requests from this machine
 * ({@link SimulatorLocalOnly}). The page at /wx/simulator sends what WeChat would send — signed,
 * optionally encrypted XML — to this instance's own callback URL over loopback, for the demo
 * account only, and shows the raw exchange, the reply and any later customer-service messages.
 */
@RestController
@ConditionalOnProperty(name = "askonce.wechat.simulator", havingValue = "true")
class SimulatorController {

    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final String OFFICIAL_ACCOUNT = "gh_askonce_demo";

    private final WechatAccounts accounts;
    private final SimulatorInbox inbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SimulatorController(WechatAccounts accounts, SimulatorInbox inbox) {
        this.accounts = accounts;
        this.inbox = inbox;
    }

    /**
     * What to send: a message {@code type} (text, voice, image, location, subscribe, unsubscribe,
     * click) as user {@code user}; {@code content} is the text, the recognised voice text, the
     * location label or the menu key.
     */
    record Send(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "只能包含字母、数字、_ 和 -") String user,
                @NotBlank @Pattern(regexp = "text|voice|image|location|subscribe|unsubscribe|click", message = "不支持的消息类型") String type,
                @Size(max = 2000) String content,
                boolean encrypt) {
    }

    record Exchange(String requestXml, int status, String responseBody, String reply) {
    }

    @PostMapping(path = "/wx/simulator/send", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Exchange send(@Valid @RequestBody Send send, HttpServletRequest request) throws Exception {
        WechatAccounts.Account demo = accounts.demo();
        String openId = "sim-" + send.user();
        String xml = xml(openId, send.type(), send.content() == null ? "" : send.content());
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        String body = xml;
        String query = "signature=" + SHA1.gen(demo.config().getToken(), timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + openId;
        WxCryptUtil crypt = new WxCryptUtil(demo.config().getToken(), demo.config().getAesKey(), demo.appId());
        if (send.encrypt()) {
            WxCryptUtil.EncryptContext c = crypt.encryptContext(xml);
            body = "<xml><ToUserName><![CDATA[" + OFFICIAL_ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + c.getEncrypt() + "]]></Encrypt></xml>";
            query = "signature=" + SHA1.gen(demo.config().getToken(), c.getTimeStamp(), c.getNonce()) + "&timestamp=" + c.getTimeStamp()
                    + "&nonce=" + c.getNonce() + "&openid=" + openId + "&encrypt_type=aes&msg_signature=" + c.getSignature();
        }
        URI portal = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/wx/portal/" + demo.appId() + "?" + query);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(portal).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String reply = null;
        if (response.statusCode() == 200 && response.body().startsWith("<xml>")) {
            String plain = response.body().contains("<Encrypt>")
                    ? crypt.decrypt(WxMpXmlMessage.fromXml(response.body()).getEncrypt()) : response.body();
            reply = WxMpXmlMessage.fromXml(plain).getContent();
        }
        return new Exchange(send.encrypt() ? xml + "\n\n（加密后发送）\n" + body : xml, response.statusCode(), response.body(), reply);
    }

    @GetMapping(path = "/wx/simulator", produces = MediaType.TEXT_HTML_VALUE)
    String page() throws java.io.IOException {
        return resource("simulator.html");
    }

    /** The page's script and stylesheet, in files of their own: the Content-Security-Policy allows no inline script or style. */
    @GetMapping(path = "/wx/simulator/simulator.js", produces = "text/javascript")
    String script() throws java.io.IOException {
        return resource("simulator.js");
    }

    @GetMapping(path = "/wx/simulator/simulator.css", produces = "text/css")
    String stylesheet() throws java.io.IOException {
        return resource("simulator.css");
    }

    private static String resource(String name) throws java.io.IOException {
        try (var in = SimulatorController.class.getResourceAsStream("/wechat/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping(path = "/wx/simulator/pushes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SimulatorInbox.Delivered> pushes(@RequestParam String user) {
        return inbox.messages("sim-" + user);
    }

    private static String xml(String openId, String type, String content) {
        String head = "<xml><ToUserName><![CDATA[" + OFFICIAL_ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000 + "</CreateTime>";
        String c = cdata(content);
        return head + switch (type) {
            case "text" -> "<MsgType><![CDATA[text]]></MsgType><Content>" + c + "</Content><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId>";
            case "voice" -> "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[sim-media]]></MediaId><Format><![CDATA[amr]]></Format>"
                    + (content.isBlank() ? "" : "<Recognition>" + c + "</Recognition>") + "<MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId>";
            case "image" -> "<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://127.0.0.1/sim.jpg]]></PicUrl>"
                    + "<MediaId><![CDATA[sim-media]]></MediaId><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId>";
            case "location" -> "<MsgType><![CDATA[location]]></MsgType><Location_X>30.2741</Location_X><Location_Y>120.1551</Location_Y>"
                    + "<Scale>15</Scale><Label>" + c + "</Label><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId>";
            case "subscribe", "unsubscribe" -> "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + type + "]]></Event>";
            case "click" -> "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey>" + c + "</EventKey>";
            default -> throw new IllegalArgumentException("Unknown simulator message type " + type);
        } + "</xml>";
    }

    /** Text as XML character data: escaped, so a simulated message cannot change the XML around it. */
    private static String cdata(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
