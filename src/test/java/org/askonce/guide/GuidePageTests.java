package org.askonce.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.askonce.knowledge.ServiceItem;
import org.junit.jupiter.api.Test;

/** The wording and order of the guide page, without a server. */
class GuidePageTests {

    private static ServiceItem.Hall hall(String name, String district, String address) {
        return new ServiceItem.Hall(name, district, address, null, null);
    }

    @Test
    void eachNumberOfAPhoneFieldBecomesACallLink() {
        assertThat(GuidePage.phones("0571-87280605、0571-87280606")).extracting(GuidePage.Phone::href)
                .containsExactly("tel:057187280605", "tel:057187280606");
    }

    @Test
    void aPhoneFieldWithoutANumberIsShownAsWritten() {
        assertThat(GuidePage.phones("见大厅公告")).containsExactly(new GuidePage.Phone("见大厅公告", null));
    }

    @Test
    void aHallsDistrictIsReadFromItsAddressWhenNotGiven() {
        assertThat(GuideLinks.Districts.of(hall("萧山区行政服务中心", null, "杭州市萧山区市心中路818号"))).isEqualTo("萧山区");
    }

    @Test
    void aDistrictIsMatchedWithOrWithoutItsSuffix() {
        assertThat(GuideLinks.Districts.matches("萧山区", "萧山")).isTrue();
        assertThat(GuideLinks.Districts.matches("萧山区", "萧山区")).isTrue();
        assertThat(GuideLinks.Districts.matches("萧山区", "西湖")).isFalse();
    }

    @Test
    void aQuestionNamingOneOfTheItemsDistrictsIsLinkedWithIt() {
        ServiceItem item = new ServiceItem("x", "护照", List.of(), List.of(), "公安局", null, null, null, List.of(), null, null, null,
                List.of(hall("市民中心", "上城区", "解放东路18号"), hall("萧山大厅", "萧山区", "市心中路818号")), null, null, null,
                List.of(), List.of(), null, null, null, "测试", List.of());
        assertThat(GuideLinks.Districts.named(item, "萧山哪里办护照")).isEqualTo("萧山区");
        assertThat(GuideLinks.Districts.named(item, "哪里办护照")).isNull();
    }

    @Test
    void theQrCodeHasTheQuietZoneTheStandardAsksFor() {
        QrCode code = QrCode.of("https://zwfw.example.gov.cn/askonce/guide/passport");
        assertThat(code.dark(0, 0)).isFalse();
        assertThat(code.dark(3, 3)).isFalse();
        assertThat(code.dark(4, 4)).isTrue(); // the finder pattern's corner
    }
}
