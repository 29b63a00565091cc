package org.askonce.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guide page (一次性告知单) over real HTTP, as a citizen's phone gets it without logging in:
 * every element, gaps said as gaps, 37 halls paged and ordered by district, a Chinese 404, the QR
 * code of its public address, and the guideUrl of the web chat's answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GuideFixture.KB, GuideFixture.TRAINING, GuideFixture.DB, GuideFixture.PUBLIC_BASE_URL, GuideFixture.WECHAT_APP_ID,
    GuideFixture.WECHAT_SECRET, GuideFixture.WECHAT_TOKEN, GuideFixture.WECHAT_AES_KEY, GuideFixture.NO_OUTBOX})
class GuideIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HALL_NAME = Pattern.compile("<h3><span>([^<]+)</span>");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode chat(String userId, String text) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("userId", userId, "text", text))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The names of the halls in the page's order, every one (those of other pages are there for print). */
    private static List<String> hallNames(String html) {
        Matcher m = HALL_NAME.matcher(html);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theGuideShowsEveryElementOfTheItemWithoutLoggingIn() throws Exception {
        HttpResponse<String> r = get("/guide/dog-registration");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("<h1>养犬登记（犬证办理）</h1>", "本指南最后核对：2026年10月15日",
                "犬只狂犬病免疫证明", "（原件和复印件各1份）", "委托他人代办的需提供", "申请人为具有完全民事行为能力的杭州市常住居民",
                "承诺办结时限：1个工作日", "法定办结时限：20个工作日", "重点管理区首次登记每只500元", "收费依据：《杭州市养犬管理条例》第十五条",
                "杭州市上城区解放东路18号市民中心D楼二楼", "周一至周五 9:00-12:00、13:30-17:00", "最多跑一次",
                "浙里办APP“杭州办事服务”专区", "到犬类免疫点为犬只接种疫苗", "《中华人民共和国动物防疫法》");
    }

    @Test
    void theMaterialsAreAChecklistToTick() throws Exception {
        String html = get("/guide/dog-registration").body();
        assertThat(html).contains("共6项，备齐一项勾一项", "<input type=\"checkbox\" id=\"m1\">", "<label for=\"m6\">");
    }

    @Test
    void eachAddressHasAMapLinkAndEachPhoneNumberCanBeCalled() throws Exception {
        String html = get("/guide/dog-registration").body();
        assertThat(html).contains("href=\"https://uri.amap.com/search?keyword=%E6%9D%AD%E5%B7%9E%E5%B8%82%E4%B8%8A%E5%9F%8E%E5%8C%BA",
                "href=\"tel:057187280110\">0571-87280110</a>", "href=\"tel:12345\">12345</a>",
                "href=\"https://www.zjzwfw.gov.cn/zjservice/item/detail/index.do?localInnerCode=dog-registration\"");
    }

    @Test
    void theGuideShowsItsPublicAddressAndQrCode() throws Exception {
        String html = get("/guide/dog-registration").body();
        assertThat(html).contains(GuideFixture.BASE_URL + "/guide/dog-registration", "src=\"/guide/dog-registration/qr.svg\"",
                "href=\"/guide/dog-registration/qr.png\"");
    }

    @Test
    void anElementTheItemDoesNotGiveIsSaidToBeMissingWithWhereToAsk() throws Exception {
        String html = get("/guide/" + GuideFixture.MANY_HALLS).body();
        assertThat(html).contains("暂未提供。可拨打咨询电话 0571-87280000 或12345政务服务热线询问。", "材料要原件还是复印件、要几份，暂未提供。")
                .doesNotContain("null");
    }

    @Test
    void thirtySevenHallsArePagedTenAtATimeAndAllPrinted() throws Exception {
        String html = get("/guide/" + GuideFixture.MANY_HALLS).body();
        assertThat(html).contains("共37处", "第1–10处，共37处", "更多办理地点（第11–20处）", "href=\"/guide/residence-permit-halls?halls=2#halls\"");
        assertThat(hallNames(html)).hasSize(37).doesNotHaveDuplicates();
        assertThat(html.split("class=\"hall\"", -1)).hasSize(11); // ten on screen …
        assertThat(html.split("class=\"hall later\"", -1)).hasSize(28); // … the other 27 for print
    }

    @Test
    void theLastPageOfHallsLinksBackAndHasNoMore() throws Exception {
        String html = get("/guide/" + GuideFixture.MANY_HALLS + "?halls=4").body();
        assertThat(html).contains("第31–37处，共37处", "上一页（第21–30处）").doesNotContain("更多办理地点（");
    }

    @Test
    void theCitizensDistrictComesFirst() throws Exception {
        String html = get("/guide/" + GuideFixture.MANY_HALLS + "?district=萧山").body();
        assertThat(hallNames(html).subList(0, 4)).containsExactly("萧山第1户籍窗口", "萧山第2户籍窗口", "萧山第3户籍窗口", "上城第1户籍窗口");
        assertThat(html).contains("第1–10处，共37处（萧山区的在前）", "<option value=\"萧山区\" selected=\"selected\">萧山区优先</option>",
                "href=\"/guide/residence-permit-halls?district=%E8%90%A7%E5%B1%B1%E5%8C%BA&amp;halls=2#halls\"");
    }

    @Test
    void aDistrictWithoutHallsIsSaidAndEveryHallListed() throws Exception {
        String html = get("/guide/" + GuideFixture.MANY_HALLS + "?district=北京").body();
        assertThat(html).contains("没有位于“北京”的办理地点，下面按发布的顺序列出全部37处。");
        assertThat(hallNames(html).get(0)).isEqualTo("上城第1户籍窗口");
    }

    @Test
    void aPageOfHallsThatDoesNotExistIsExplainedInChinese() throws Exception {
        HttpResponse<String> r = get("/guide/" + GuideFixture.MANY_HALLS + "?halls=abc");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("办理地点共4页，没有第“abc”页，下面是第1页。", "第1–10处，共37处");
    }

    @Test
    void anItemThatDoesNotExistIsAChinese404Page() throws Exception {
        HttpResponse<String> r = get("/guide/no-such-item");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("没有找到这个办事指南", "编号为“no-such-item”的事项不存在", "12345政务服务热线");
    }

    @Test
    void theQrCodeHoldsTheGuidesPublicAddress() throws Exception {
        HttpResponse<byte[]> r = getBytes("/guide/dog-registration/qr.png");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(decoded).isEqualTo(GuideFixture.BASE_URL + "/guide/dog-registration");
    }

    @Test
    void theQrCodeIsAlsoAnSvgForPrint() throws Exception {
        HttpResponse<String> r = get("/guide/dog-registration/qr.svg");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(r.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path fill=\"#000\" d=\"M");
    }

    @Test
    void theQrCodeOfAnItemThatDoesNotExistIs404() throws Exception {
        assertThat(getBytes("/guide/no-such-item/qr.png").statusCode()).isEqualTo(404);
    }

    @Test
    void theGuidePageIsUnderTheContentSecurityPolicy() throws Exception {
        assertThat(get("/guide/dog-registration").headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'", "style-src 'self'");
    }

    @Test
    void aWebAnswerAboutAnItemCarriesItsGuideUrl() throws Exception {
        JsonNode json = chat("guide-web-1", "狗证要带什么材料");
        assertThat(json.get("action").asText()).isEqualTo("ANSWER");
        assertThat(json.get("guideUrl").asText()).isEqualTo(GuideFixture.BASE_URL + "/guide/dog-registration");
    }

    @Test
    void aWebAnswerNamingOneOfTheItemsDistrictsLinksToItsHallsFirst() throws Exception {
        JsonNode json = chat("guide-web-2", "西湖区哪里办狗证");
        assertThat(json.get("action").asText()).isEqualTo("ANSWER");
        assertThat(json.get("guideUrl").asText()).isEqualTo(GuideFixture.BASE_URL + "/guide/dog-registration?district=%E8%A5%BF%E6%B9%96%E5%8C%BA");
    }

    @Test
    void aWebReplyThatAnswersNoItemHasNoGuideUrl() throws Exception {
        JsonNode json = chat("guide-web-3", "你好");
        assertThat(json.get("action").asText()).isNotEqualTo("ANSWER");
        assertThat(json.has("guideUrl")).isTrue();
        assertThat(json.get("guideUrl").isNull()).isTrue();
    }
}
