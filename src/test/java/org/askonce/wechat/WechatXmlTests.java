package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.util.xml.XStreamTransformer;
import org.junit.jupiter.api.Test;

/** {@link WechatXml} reads WeChat's messages as WxJava's own XStream transformer does, without its global parser lock. */
class WechatXmlTests {

    private static final String TEXT = "<xml><ToUserName><![CDATA[gh_askonce]]></ToUserName><FromUserName><![CDATA[o-citizen-1]]>"
            + "</FromUserName><CreateTime>1767225600</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[办个狗证要带啥 <&>]]>"
            + "</Content><MsgId>24000000000000001</MsgId></xml>";
    private static final String CLICK = "<xml><ToUserName><![CDATA[gh_askonce]]></ToUserName><FromUserName><![CDATA[o-citizen-2]]>"
            + "</FromUserName><CreateTime>1767225601</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event>"
            + "<EventKey><![CDATA[HUMAN]]></EventKey></xml>";
    private static final String VOICE = "<xml><ToUserName><![CDATA[gh_askonce]]></ToUserName><FromUserName><![CDATA[o-citizen-3]]>"
            + "</FromUserName><CreateTime>1767225602</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m1]]></MediaId>"
            + "<Format><![CDATA[amr]]></Format><Recognition><![CDATA[社保卡丢了怎么办]]></Recognition><MsgId>24000000000000002</MsgId></xml>";

    @Test
    void readsEveryKindOfMessageAsWxJavasTransformerDoes() {
        for (String xml : List.of(TEXT, CLICK, VOICE)) {
            WxMpXmlMessage ours = WechatXml.message(xml);
            WxMpXmlMessage theirs = XStreamTransformer.fromXml(WxMpXmlMessage.class, xml);
            assertThat(ours).usingRecursiveComparison().isEqualTo(theirs);
        }
        WxMpXmlMessage text = WechatXml.message(TEXT);
        assertThat(text.getContent()).isEqualTo("办个狗证要带啥 <&>");
        assertThat(text.getMsgId()).isEqualTo(24000000000000001L);
        assertThat(text.getCreateTime()).isEqualTo(1767225600L);
        assertThat(WechatXml.message(CLICK).getEventKey()).isEqualTo("HUMAN");
        assertThat(WechatXml.message(VOICE).getRecognition()).isEqualTo("社保卡丢了怎么办");
    }

    @Test
    void xmlThatIsNotAMessageIsRejected() {
        assertThatThrownBy(() -> WechatXml.message("<xml><Content>unclosed</xml>")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> WechatXml.message("not xml at all")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void anExternalEntityIsNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>"
                + "<Content>&secret;</Content></xml>";
        String content;
        try {
            content = WechatXml.message(xxe).getContent();
        } catch (RuntimeException rejected) {
            return; // rejecting the message is as safe as not resolving the entity
        }
        assertThat(content == null ? "" : content).doesNotContain("root:");
    }

    @Test
    void manyThreadsReadAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> reads = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String xml = TEXT.replace("o-citizen-1", "o-citizen-" + i);
                reads.add(pool.submit(() -> WechatXml.message(xml).getFromUser()));
            }
            for (int i = 0; i < reads.size(); i++) {
                assertThat(reads.get(i).get()).isEqualTo("o-citizen-" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
