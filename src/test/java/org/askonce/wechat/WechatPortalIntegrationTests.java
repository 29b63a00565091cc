package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The callback endpoint over real HTTP, as WeChat's servers use it: verification, plain and safe
 * mode, what is refused before anything is processed, retries, and every kind of message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/wechat/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:wechat-portal;DB_CLOSE_DELAY=-1",
    "askonce.wechat.accounts[0].app-id=" + WechatPortalIntegrationTests.APP_ID,
    "askonce.wechat.accounts[0].secret=test-secret",
    "askonce.wechat.accounts[0].token=" + WechatPortalIntegrationTests.TOKEN,
    "askonce.wechat.accounts[0].aes-key=" + WechatPortalIntegrationTests.AES_KEY,
    "askonce.wechat.accounts[1].app-id=wxsecondaccount01",
    "askonce.wechat.accounts[1].token=second-token",
    "askonce.wechat.outbox.enabled=false",
    "askonce.wechat.max-body=16KB",
    "askonce.rate-limit.wechat-per-minute=5",
    "askonce.wechat.simulator=true"})
class WechatPortalIntegrationTests {

    static final String APP_ID = "wxportaltest00001";
    static final String TOKEN = "portal-token";
    static final String AES_KEY = "Q2hhbmdlTWVJbkFSZWFsRGVwbG95bWVudDAxMjM0NTY";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DialogueEngine dialogue;
    @Autowired
    WechatOutbox outbox;
    @Autowired
    Continuations continuations;

    private WechatTestClient client() {
        return new WechatTestClient(port, APP_ID, TOKEN, AES_KEY);
    }

    private String ask(String openId, String text) throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.text(openId, WechatTestClient.nextMsgId(), text));
        assertThat(r.statusCode()).isEqualTo(200);
        return client().reply(r).getContent();
    }

    private long turnsOf(String openId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_turn t JOIN conversation c ON c.id = t.conversation_id WHERE c.user_id = ?")
                .param(openId).query(Long.class).single();
    }

    @Test
    void urlVerificationEchoesEchostrWhenTheSignatureIsRight() throws Exception {
        String ts = Long.toString(WechatTestClient.now());
        HttpResponse<String> r = client().get(WechatTestClient.query(SHA1.gen(TOKEN, ts, "n1"), ts, "n1") + "&echostr=hello123");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello123");
    }

    @Test
    void urlVerificationWithAWrongSignatureIs403() throws Exception {
        String ts = Long.toString(WechatTestClient.now());
        HttpResponse<String> r = client().get(WechatTestClient.query(SHA1.gen("other-token", ts, "n1"), ts, "n1") + "&echostr=hello123");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("hello123");
    }

    @Test
    void aPlainTextMessageGetsTheSameAnswerAsTheWebChat() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.text("plain-user", WechatTestClient.nextMsgId(), "办狗证要带啥"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("xml"));
        WxMpXmlMessage reply = client().reply(r);
        assertThat(reply.getMsgType()).isEqualTo("text");
        assertThat(reply.getToUser()).isEqualTo("plain-user");
        assertThat(reply.getFromUser()).isEqualTo(WechatTestClient.OFFICIAL_ACCOUNT);
        String web = dialogue.handle(Channel.WEB, "web-twin", "办狗证要带啥").reply();
        // the same answer, and the link to the item's complete guide under it
        assertThat(reply.getContent()).isEqualTo(web + "\n\n完整办事指南：http://localhost:" + port + "/guide/dog-registration")
                .contains("犬只狂犬病免疫证明");
    }

    @Test
    void anEncryptedMessageGetsAnEncryptedReply() throws Exception {
        HttpResponse<String> r = client().postEncrypted(WechatTestClient.text("safe-user", WechatTestClient.nextMsgId(), "狗证在哪办"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<Encrypt>").contains("<MsgSignature>").doesNotContain("西湖区");
        WxMpXmlMessage reply = client().reply(r);
        assertThat(reply.getToUser()).isEqualTo("safe-user");
        assertThat(reply.getContent()).contains("西湖区犬类管理服务点");
    }

    @Test
    void compatibleModeDecryptsTheEncryptedPartAndRepliesEncrypted() throws Exception {
        String plain = WechatTestClient.text("compat-user", WechatTestClient.nextMsgId(), "狗证要多久");
        var c = new me.chanjar.weixin.common.util.crypto.WxCryptUtil(TOKEN, AES_KEY, APP_ID).encryptContext(plain);
        // compatible mode: the plain fields and the Encrypt element side by side
        String body = plain.replace("</xml>", "<Encrypt><![CDATA[" + c.getEncrypt() + "]]></Encrypt></xml>");
        HttpResponse<String> r = client().send(WechatTestClient.query(SHA1.gen(TOKEN, c.getTimeStamp(), c.getNonce()), c.getTimeStamp(),
                c.getNonce()) + "&encrypt_type=aes&msg_signature=" + c.getSignature(), body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<Encrypt>");
        assertThat(client().reply(r).getContent()).contains("工作日");
    }

    @Test
    void aWrongMsgSignatureIs403AndNothingIsProcessed() throws Exception {
        var c = new me.chanjar.weixin.common.util.crypto.WxCryptUtil(TOKEN, AES_KEY, APP_ID)
                .encryptContext(WechatTestClient.text("forged-user", WechatTestClient.nextMsgId(), "狗证在哪办"));
        String body = "<xml><ToUserName><![CDATA[gh]]></ToUserName><Encrypt><![CDATA[" + c.getEncrypt() + "]]></Encrypt></xml>";
        HttpResponse<String> r = client().send(WechatTestClient.query(SHA1.gen(TOKEN, c.getTimeStamp(), c.getNonce()), c.getTimeStamp(),
                c.getNonce()) + "&encrypt_type=aes&msg_signature=0000000000000000000000000000000000000000", body);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(turnsOf("forged-user")).isZero();
    }

    @Test
    void aSignedUrlReplayedWithAnotherBodyIs403AndWechatsRetryWithTheSameBodyIsNot() throws Exception {
        String ts = Long.toString(WechatTestClient.now());
        String nonce = WechatTestClient.nonce();
        String query = WechatTestClient.query(SHA1.gen(TOKEN, ts, nonce), ts, nonce);
        String original = WechatTestClient.text("replay-user", WechatTestClient.nextMsgId(), "狗证在哪办");
        assertThat(client().send(query, original).statusCode()).isEqualTo(200);
        assertThat(client().send(query, original).statusCode()).as("WeChat retrying").isEqualTo(200);
        HttpResponse<String> replay = client().send(query, WechatTestClient.text("replay-user", WechatTestClient.nextMsgId(), "人工"));
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(turnsOf("replay-user")).isEqualTo(1);
    }

    @Test
    void anEncryptedMessageForAnotherAppidIs403AndNothingIsProcessed() throws Exception {
        // the same token and key, but encrypted for another account's appid
        var c = new me.chanjar.weixin.common.util.crypto.WxCryptUtil(TOKEN, AES_KEY, "wxsomeoneelse0001")
                .encryptContext(WechatTestClient.text("other-app-user", WechatTestClient.nextMsgId(), "狗证在哪办"));
        String body = "<xml><ToUserName><![CDATA[gh]]></ToUserName><Encrypt><![CDATA[" + c.getEncrypt() + "]]></Encrypt></xml>";
        HttpResponse<String> r = client().send(WechatTestClient.query(SHA1.gen(TOKEN, c.getTimeStamp(), c.getNonce()), c.getTimeStamp(),
                c.getNonce()) + "&encrypt_type=aes&msg_signature=" + c.getSignature(), body);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(turnsOf("other-app-user")).isZero();
    }

    @Test
    void aFollowerOverThePerMinuteLimitIsAskedPolitelyToWaitAndNothingIsStored() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(client().reply(client().post(WechatTestClient.text("chatty-user", WechatTestClient.nextMsgId(), "你好")))
                    .getContent()).doesNotContain("太频繁");
        }
        HttpResponse<String> sixth = client().post(WechatTestClient.text("chatty-user", WechatTestClient.nextMsgId(), "狗证在哪办"));
        assertThat(sixth.statusCode()).isEqualTo(200);
        assertThat(client().reply(sixth).getContent()).isEqualTo(WechatPortalController.TOO_FAST);
        assertThat(turnsOf("chatty-user")).isEqualTo(5);
        // another follower is not held up
        assertThat(client().reply(client().post(WechatTestClient.text("quiet-user", WechatTestClient.nextMsgId(), "狗证在哪办")))
                .getContent()).contains("西湖区犬类管理服务点");
    }

    @Test
    void aWrongSignatureIs403AndNothingIsProcessed() throws Exception {
        String ts = Long.toString(WechatTestClient.now());
        HttpResponse<String> r = client().send(WechatTestClient.query(SHA1.gen("guessed", ts, "n2"), ts, "n2"),
                WechatTestClient.text("bad-sig-user", WechatTestClient.nextMsgId(), "狗证在哪办"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(turnsOf("bad-sig-user")).isZero();
    }

    @Test
    void anUnknownAppidIs403() throws Exception {
        WechatTestClient stranger = new WechatTestClient(port, "wxnotconfigured01", TOKEN, AES_KEY);
        HttpResponse<String> r = stranger.post(WechatTestClient.text("stranger-user", WechatTestClient.nextMsgId(), "狗证在哪办"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(turnsOf("stranger-user")).isZero();
    }

    @Test
    void theAppidInThePathSelectsTheAccountAndItsToken() throws Exception {
        WechatTestClient second = new WechatTestClient(port, "wxsecondaccount01", "second-token", null);
        HttpResponse<String> ok = second.post(WechatTestClient.text("second-user", WechatTestClient.nextMsgId(), "狗证在哪办"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(second.reply(ok).getContent()).contains("西湖区犬类管理服务点");
        // the first account's token does not open the second account
        WechatTestClient crossed = new WechatTestClient(port, "wxsecondaccount01", TOKEN, null);
        assertThat(crossed.post(WechatTestClient.text("second-user", WechatTestClient.nextMsgId(), "狗证在哪办")).statusCode()).isEqualTo(403);
    }

    @Test
    void aReplayedOldTimestampIs403() throws Exception {
        long sixMinutesAgo = WechatTestClient.now() - 360;
        HttpResponse<String> r = client().post(WechatTestClient.text("replay-user", WechatTestClient.nextMsgId(), "狗证在哪办"), sixMinutesAgo);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(turnsOf("replay-user")).isZero();
    }

    @Test
    void anXxePayloadIsRejectedWithoutBeingParsed() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>xxe-user</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>";
        HttpResponse<String> r = client().post(xxe);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("root:");
        assertThat(turnsOf("xxe-user")).isZero();
    }

    @Test
    void malformedXmlIs400() throws Exception {
        HttpResponse<String> r = client().post("<xml><ToUserName>gh</ToUserName><FromUserName>broken");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("not a WeChat XML message");
    }

    @Test
    void aMessageWithoutSenderIs400() throws Exception {
        HttpResponse<String> r = client().post("<xml><ToUserName>gh</ToUserName><MsgType>text</MsgType><Content>hi</Content></xml>");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void aHugeBodyIsRejectedEarly() throws Exception {
        String huge = WechatTestClient.text("huge-user", WechatTestClient.nextMsgId(), "狗".repeat(20_000));
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(16 * 1024);
        HttpResponse<String> r = client().post(huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(turnsOf("huge-user")).isZero();
    }

    @Test
    void aMessageRetriedThreeTimesIsHandledOnceAndEveryRetryGetsTheSameReply() throws Exception {
        String xml = WechatTestClient.text("retry-user", WechatTestClient.nextMsgId(), "狗证要带什么材料");
        String first = client().reply(client().post(xml)).getContent();
        for (int retry = 0; retry < 3; retry++) {
            HttpResponse<String> r = client().post(xml);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(client().reply(r).getContent()).isEqualTo(first);
        }
        assertThat(turnsOf("retry-user")).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneMessageMakeOneTurn() throws Exception {
        String xml = WechatTestClient.text("race-user", WechatTestClient.nextMsgId(), "狗证在哪办");
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return client().post(xml);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                })).toList();
        List<String> replies = all.stream().map(java.util.concurrent.CompletableFuture::join).map(r -> client().reply(r).getContent()).toList();
        assertThat(replies).allSatisfy(reply -> assertThat(reply).isEqualTo(replies.get(0)).contains("西湖区"));
        assertThat(turnsOf("race-user")).isEqualTo(1);
    }

    @Test
    void aCdataTerminatorAndControlCharactersInAnAnswerCannotBreakTheXml() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.text("cdata-user", WechatTestClient.nextMsgId(), "CDATA结束符怎么写"));
        assertThat(r.statusCode()).isEqualTo(200);
        String content = client().reply(r).getContent();
        assertThat(content).contains("CDATA 以 ]]＞ 结束").doesNotContain("]]>").doesNotContain("\u0001");
        assertThat(r.body()).contains("</Content>").endsWith("</xml>");
    }

    @Test
    void aLongAnswerComesInPartsUnderTheByteLimitAndNothingIsLost() throws Exception {
        String first = ask("long-user", "全部注意事项有哪些");
        assertThat(first.getBytes(StandardCharsets.UTF_8).length).isLessThan(2048);
        assertThat(first).contains("1. 第1项说明").contains("回复“更多”");
        StringBuilder all = new StringBuilder(first);
        String part = first;
        int parts = 1;
        while (part.contains("回复“更多”")) {
            part = ask("long-user", "更多");
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThan(2048);
            all.append(part);
            parts++;
        }
        assertThat(parts).isGreaterThan(2);
        for (int i = 1; i <= 30; i++) {
            assertThat(all.toString()).contains(i + ". 第" + i + "项说明");
        }
        assertThat(ask("long-user", "更多")).isEqualTo("没有更多内容了。您可以继续提问。");
    }

    @Test
    void voiceUsesTheRecognisedText() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.message("voice-user", "voice",
                "<MediaId><![CDATA[m1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[狗证在哪办]]></Recognition>",
                WechatTestClient.nextMsgId()));
        assertThat(client().reply(r).getContent()).contains("西湖区犬类管理服务点");
    }

    @Test
    void voiceWithoutRecognitionGetsAPoliteReply() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.message("voice-user-2", "voice",
                "<MediaId><![CDATA[m1]]></MediaId><Format><![CDATA[amr]]></Format>", WechatTestClient.nextMsgId()));
        assertThat(client().reply(r).getContent()).contains("语音我没听清");
    }

    @Test
    void anImageGetsAReplySayingWhatTheAssistantCanDo() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.message("image-user", "image",
                "<PicUrl><![CDATA[http://example.invalid/a.jpg]]></PicUrl><MediaId><![CDATA[m2]]></MediaId>", WechatTestClient.nextMsgId()));
        assertThat(client().reply(r).getContent()).contains("只能看懂文字");
    }

    @Test
    void aLocationGetsTheHallsOfTheCurrentItemNearestFirst() throws Exception {
        ask("location-user", "狗证要带什么材料");
        HttpResponse<String> r = client().post(WechatTestClient.message("location-user", "location",
                "<Location_X>30.27</Location_X><Location_Y>120.13</Location_Y><Scale>15</Scale><Label><![CDATA[浙江省杭州市西湖区文三路]]></Label>",
                WechatTestClient.nextMsgId()));
        String content = client().reply(r).getContent();
        assertThat(content).startsWith("【养犬登记（犬证办理）】").contains("离您较近");
        assertThat(content.indexOf("西湖区犬类管理服务点")).isLessThan(content.indexOf("杭州市民中心行政服务中心公安窗口"));
    }

    @Test
    void subscribingGetsTheWelcomeWithExamples() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.event("new-follower", "subscribe", null));
        assertThat(client().reply(r).getContent()).contains("欢迎关注").contains("办护照要带什么材料").contains("人工");
    }

    @Test
    void unsubscribingForgetsTheUser() throws Exception {
        ask("leaving-user", "狗证要带什么材料");
        ask("leaving-user", "全部注意事项有哪些");
        outbox.enqueue(APP_ID, "leaving-user", "稍后的回复", null);
        assertThat(turnsOf("leaving-user")).isEqualTo(2);

        HttpResponse<String> r = client().post(WechatTestClient.event("leaving-user", "unsubscribe", null));

        assertThat(r.body()).isEqualTo("success");
        assertThat(turnsOf("leaving-user")).isZero();
        assertThat(outbox.messagesTo(APP_ID, "leaving-user")).isEmpty();
        assertThat(continuations.next(APP_ID, "leaving-user")).isEmpty();
    }

    @Test
    void aMenuClickAsksItsTopic() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.event("menu-user", "CLICK", "TOPIC_SOCIAL"));
        assertThat(client().reply(r).getContent()).contains("社会保障卡");
        assertThat(turnsOf("menu-user")).isEqualTo(1);
    }

    @Test
    void theHallsMenuListsTheHalls() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.event("halls-user", "CLICK", "HALLS"));
        assertThat(client().reply(r).getContent()).contains("办事大厅的地址和时间").contains("杭州市民卡服务中心");
    }

    @Test
    void aViewEventNeedsNoReply() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.event("view-user", "VIEW", "https://www.zjzwfw.gov.cn/"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("success");
    }

    @Test
    void aScanEventWelcomesBack() throws Exception {
        HttpResponse<String> r = client().post(WechatTestClient.event("scan-user", "SCAN", "hall-desk-3"));
        assertThat(client().reply(r).getContent()).contains("欢迎回来");
    }

    private HttpResponse<String> simulate(String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/wx/simulator/send"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSimulatorSendsASignedEncryptedMessageAndShowsTheReply() throws Exception {
        HttpResponse<String> r = simulate("{\"user\":\"sim1\",\"type\":\"text\",\"content\":\"狗证在哪办\",\"encrypt\":true}");
        assertThat(r.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("responseBody").asText()).contains("<Encrypt>");
        assertThat(json.get("reply").asText()).contains("西湖区犬类管理服务点");
        assertThat(json.get("requestXml").asText()).contains("<Content>狗证在哪办</Content>");
        assertThat(turnsOf("sim-sim1")).isEqualTo(1);
    }

    @Test
    void theSimulatorEscapesWhatIsTypedSoItCannotChangeTheXml() throws Exception {
        HttpResponse<String> r = simulate("{\"user\":\"sim2\",\"type\":\"text\",\"content\":\"</Content><MsgType>event</MsgType>\",\"encrypt\":false}");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT question FROM chat_turn t JOIN conversation c ON c.id = t.conversation_id WHERE c.user_id = 'sim-sim2'")
                .query(String.class).single()).isEqualTo("</Content><MsgType>event</MsgType>");
    }

    @Test
    void theSimulatorPageAndItsFilesAreServedToThisMachine() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/wx/simulator", "/wx/simulator/simulator.js", "/wx/simulator/simulator.css")) {
            HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theSimulatorRefusesARequestThatCameThroughAProxy() throws Exception {
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/wx/simulator/pushes?user=sim1"))
                .header("X-Forwarded-For", "203.0.113.40").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("只接受本机访问");
    }

    @Test
    void theSimulatorRejectsAnUnknownMessageTypeWithAClearError() throws Exception {
        HttpResponse<String> r = simulate("{\"user\":\"sim3\",\"type\":\"shortvideo\",\"content\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("不支持的消息类型");
    }
}
