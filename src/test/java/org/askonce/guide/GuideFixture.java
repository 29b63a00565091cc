package org.askonce.guide;

/**
 * The one context the guide's tests share (the guide page, the links in web and WeChat answers, the
 * browser test): the mini knowledge base with an item handled in 37 halls ({@code residence-permit-halls}),
 * a public base URL, and a WeChat account. Tests list these properties, all of them, so Spring starts it once.
 */
public final class GuideFixture {

    public static final String KB = "askonce.knowledge-base=src/test/resources/guide/kb";
    public static final String TRAINING = "askonce.nlp.training-dir=src/test/resources/mini/training";
    public static final String DB = "spring.datasource.url=jdbc:h2:mem:guide;DB_CLOSE_DELAY=-1";
    public static final String BASE_URL = "https://zwfw.example.gov.cn/askonce";
    public static final String PUBLIC_BASE_URL = "askonce.public-base-url=" + BASE_URL + "/";
    public static final String APP_ID = "wxguidetest000001";
    public static final String TOKEN = "guide-token";
    public static final String AES_KEY = "R3VpZGVUZXN0S2V5Rm9yVGhlR3VpZGVQYWdlMDEyMzQ";
    public static final String WECHAT_APP_ID = "askonce.wechat.accounts[0].app-id=" + APP_ID;
    public static final String WECHAT_SECRET = "askonce.wechat.accounts[0].secret=test-secret";
    public static final String WECHAT_TOKEN = "askonce.wechat.accounts[0].token=" + TOKEN;
    public static final String WECHAT_AES_KEY = "askonce.wechat.accounts[0].aes-key=" + AES_KEY;
    public static final String NO_OUTBOX = "askonce.wechat.outbox.enabled=false";

    /** The item with 37 halls in 13 districts, three of them in 萧山区 (the 5th, 18th and 31st). */
    public static final String MANY_HALLS = "residence-permit-halls";

    private GuideFixture() {
    }
}
