package org.askonce.wechat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/** Plays WeChat's server in tests: signs (and encrypts) callback requests the way WeChat does, and reads the replies. */
final class WechatTestClient {

    static final String OFFICIAL_ACCOUNT = "gh_askonce_test";
    private static final AtomicLong MSG_IDS = new AtomicLong(7_000_000_000_000_000_000L);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    final String appId;
    final String token;
    final String aesKey;

    WechatTestClient(int port, String appId, String token, String aesKey) {
        this.baseUrl = "http://127.0.0.1:" + port + "/wx/portal/" + appId;
        this.appId = appId;
        this.token = token;
        this.aesKey = aesKey;
    }

    static long nextMsgId() {
        return MSG_IDS.incrementAndGet();
    }

    static String text(String openId, long msgId, String content) {
        return "<xml><ToUserName><![CDATA[" + OFFICIAL_ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String message(String openId, String type, String fields, Long msgId) {
        return "<xml><ToUserName><![CDATA[" + OFFICIAL_ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[" + type + "]]></MsgType>" + fields
                + (msgId == null ? "" : "<MsgId>" + msgId + "</MsgId>") + "</xml>";
    }

    static String event(String openId, String event, String eventKey) {
        return message(openId, "event", "<Event><![CDATA[" + event + "]]></Event>"
                + (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>"), null);
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Posts the message in plain mode, signed with a current timestamp. */
    HttpResponse<String> post(String xml) throws Exception {
        return post(xml, now());
    }

    HttpResponse<String> post(String xml, long timestamp) throws Exception {
        String nonce = nonce();
        String ts = Long.toString(timestamp);
        return send(query(SHA1.gen(token, ts, nonce), ts, nonce), xml);
    }

    /** Posts the message in safe mode: encrypted, with msg_signature, as WeChat does. */
    HttpResponse<String> postEncrypted(String xml) throws Exception {
        WxCryptUtil.EncryptContext c = new WxCryptUtil(token, aesKey, appId).encryptContext(xml);
        String body = "<xml><ToUserName><![CDATA[" + OFFICIAL_ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + c.getEncrypt()
                + "]]></Encrypt></xml>";
        return send(query(SHA1.gen(token, c.getTimeStamp(), c.getNonce()), c.getTimeStamp(), c.getNonce())
                + "&encrypt_type=aes&msg_signature=" + c.getSignature(), body);
    }

    HttpResponse<String> send(String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "?" + query))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "?" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String query(String signature, String timestamp, String nonce) {
        return "signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
    }

    static String nonce() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** The reply message (decrypted and its signature checked if it is encrypted). */
    WxMpXmlMessage reply(HttpResponse<String> response) {
        String body = response.body();
        if (body.contains("<Encrypt>")) {
            String encrypt = field(body, "Encrypt");
            String signature = field(body, "MsgSignature");
            String timestamp = field(body, "TimeStamp");
            String nonce = field(body, "Nonce");
            if (!SHA1.gen(token, timestamp, nonce, encrypt).equals(signature)) {
                throw new AssertionError("reply signature does not verify: " + body);
            }
            return WxMpXmlMessage.fromXml(new WxCryptUtil(token, aesKey, appId).decrypt(encrypt));
        }
        return WxMpXmlMessage.fromXml(body);
    }

    private static String field(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">", Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + xml);
        }
        return m.group(1);
    }
}
