package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.askonce.guide.GuideFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** WeChat answers about an item end with the link to its complete guide, the same one the web chat gives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GuideFixture.KB, GuideFixture.TRAINING, GuideFixture.DB, GuideFixture.PUBLIC_BASE_URL, GuideFixture.WECHAT_APP_ID,
    GuideFixture.WECHAT_SECRET, GuideFixture.WECHAT_TOKEN, GuideFixture.WECHAT_AES_KEY, GuideFixture.NO_OUTBOX})
class WechatGuideLinkIntegrationTests {

    @LocalServerPort
    int port;

    private String ask(String openId, String text) throws Exception {
        WechatTestClient client = new WechatTestClient(port, GuideFixture.APP_ID, GuideFixture.TOKEN, GuideFixture.AES_KEY);
        HttpResponse<String> r = client.post(WechatTestClient.text(openId, WechatTestClient.nextMsgId(), text));
        assertThat(r.statusCode()).isEqualTo(200);
        return client.reply(r).getContent();
    }

    @Test
    void anAnswerAboutAnItemEndsWithItsGuideLink() throws Exception {
        String reply = ask("o-guide-1", "狗证要带什么材料");
        assertThat(reply).startsWith("【养犬登记（犬证办理）】需要准备的材料")
                .endsWith("\n\n完整办事指南：" + GuideFixture.BASE_URL + "/guide/dog-registration");
    }

    @Test
    void anAnswerNamingOneOfTheItemsDistrictsLinksToItsHallsFirst() throws Exception {
        assertThat(ask("o-guide-2", "西湖区哪里办狗证"))
                .endsWith("完整办事指南：" + GuideFixture.BASE_URL + "/guide/dog-registration?district=%E8%A5%BF%E6%B9%96%E5%8C%BA");
    }

    @Test
    void aReplyThatAnswersNoItemHasNoGuideLink() throws Exception {
        assertThat(ask("o-guide-3", "你好")).doesNotContain("完整办事指南");
    }

    @Test
    void theAnswerWithItsLinkStaysWithinWechatsLimit() throws Exception {
        String reply = ask("o-guide-4", "居住证在哪办");
        assertThat(reply).contains("【居住证申领】");
        assertThat(reply.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WechatText.MAX_BYTES);
        String all = reply;
        for (int i = 0; i < 5 && all.contains("回复“更多”"); i++) {
            all += ask("o-guide-4", "更多");
        }
        assertThat(all).contains("完整办事指南：" + GuideFixture.BASE_URL + "/guide/residence-permit-halls");
    }

    @Test
    void theHallsOfTheItemTalkedAboutForASharedLocationLinkToTheGuide() throws Exception {
        ask("o-guide-5", "居住证在哪办");
        WechatTestClient client = new WechatTestClient(port, GuideFixture.APP_ID, GuideFixture.TOKEN, GuideFixture.AES_KEY);
        HttpResponse<String> r = client.post(WechatTestClient.message("o-guide-5", "location",
                "<Location_X>30.18</Location_X><Location_Y>120.26</Location_Y><Scale>15</Scale><Label><![CDATA[浙江省杭州市萧山区市心中路]]></Label>",
                WechatTestClient.nextMsgId()));
        String reply = client.reply(r).getContent();
        assertThat(reply).contains("1. 萧山第1户籍窗口（萧山区）", "共37处。全部办理地点见完整办事指南。")
                .endsWith("完整办事指南：" + GuideFixture.BASE_URL + "/guide/residence-permit-halls?district=%E8%90%A7%E5%B1%B1%E5%8C%BA");
    }
}
