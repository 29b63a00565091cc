package org.askonce.appointments;

/** One application context for the appointment tests over HTTP (web and WeChat): the mini knowledge base, every day a working day. */
public final class AppointmentFixture {

    public static final String KB = "askonce.knowledge-base=src/test/resources/mini/kb";
    public static final String TRAINING = "askonce.nlp.training-dir=src/test/resources/mini/training";
    public static final String EVERY_DAY = "askonce.handoff.workdays=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY";
    public static final String DB = "spring.datasource.url=jdbc:h2:mem:appointments-http;DB_CLOSE_DELAY=-1";
    public static final String BASE_URL = "https://zwfw.example.gov.cn/askonce";
    public static final String PUBLIC_BASE_URL = "askonce.public-base-url=" + BASE_URL + "/";
    public static final String APP_ID = "wxappointments00001";
    public static final String TOKEN = "appointments-token";
    public static final String AES_KEY = "QXBwb2ludG1lbnRzVGVzdEtleUZvclRoZUJvb2tpbmc";
    public static final String WECHAT_APP_ID = "askonce.wechat.accounts[0].app-id=" + APP_ID;
    public static final String WECHAT_SECRET = "askonce.wechat.accounts[0].secret=test-secret";
    public static final String WECHAT_TOKEN = "askonce.wechat.accounts[0].token=" + TOKEN;
    public static final String WECHAT_AES_KEY = "askonce.wechat.accounts[0].aes-key=" + AES_KEY;
    public static final String NO_OUTBOX = "askonce.wechat.outbox.enabled=false";

    private AppointmentFixture() {
    }
}
