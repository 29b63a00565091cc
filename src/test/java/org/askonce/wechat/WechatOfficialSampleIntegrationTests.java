package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WeChat's published AES sample (token "spamtest", appid wx2c2769f8efd9abc2, 2014), posted to the
 * endpoint exactly as published. The replay window is widened for it; everything else is as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:wechat-sample;DB_CLOSE_DELAY=-1",
    "askonce.wechat.accounts[0].app-id=wx2c2769f8efd9abc2",
    "askonce.wechat.accounts[0].token=spamtest",
    "askonce.wechat.accounts[0].aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    "askonce.wechat.replay-window=5000d",
    "askonce.wechat.outbox.enabled=false"})
class WechatOfficialSampleIntegrationTests {

    static final String ENCRYPT = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2L"
            + "dJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjl"
            + "pKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0"
            + "CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
    static final String BODY = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[" + ENCRYPT + "]]></Encrypt></xml>";
    static final String QUERY = "signature=16120ec1b8dbb870f510d87ce6bc2463eae6ca1a&timestamp=1409735669&nonce=1320562132"
            + "&encrypt_type=aes&msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private WechatTestClient client() {
        return new WechatTestClient(port, "wx2c2769f8efd9abc2", "spamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
    }

    @Test
    void thePublishedSampleDecryptsToItsTextAndIsAnsweredEncrypted() throws Exception {
        HttpResponse<String> r = client().send(QUERY, BODY);
        assertThat(r.statusCode()).isEqualTo(200);
        WxMpXmlMessage reply = client().reply(r);
        assertThat(reply.getToUser()).isEqualTo("oyORnuP8q7ou2gfYjqLzSIWZf0rs");
        assertThat(reply.getFromUser()).isEqualTo("gh_10f6c3c3ac5a");
        assertThat(jdbc.sql("SELECT question FROM chat_turn t JOIN conversation c ON c.id = t.conversation_id WHERE c.user_id = ?")
                .param("oyORnuP8q7ou2gfYjqLzSIWZf0rs").query(String.class).list()).containsExactly("abcdteT");
    }

    @Test
    void theSampleWithOneCharacterOfTheCipherChangedIs403() throws Exception {
        String tampered = BODY.replace("hyzAe4", "hyzAe5");
        assertThat(client().send(QUERY, tampered).statusCode()).isEqualTo(403);
    }

    @Test
    void theSamplesUrlVerificationEchoes() throws Exception {
        HttpResponse<String> r = client().get("signature=16120ec1b8dbb870f510d87ce6bc2463eae6ca1a&timestamp=1409735669&nonce=1320562132&echostr=shr5ch");
        assertThat(r.body()).isEqualTo("shr5ch");
    }
}
