package org.askonce.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** askonce.public-base-url: an http(s) address, kept without its trailing slash; empty means "derive it". */
class GuideSettingsTests {

    @Test
    void aTrailingSlashIsDropped() {
        assertThat(new GuideSettings("https://zwfw.example.gov.cn/askonce/").publicBaseUrl()).isEqualTo("https://zwfw.example.gov.cn/askonce");
    }

    @Test
    void emptyMeansDerivedFromTheRequest() {
        assertThat(new GuideSettings("  ").publicBaseUrl()).isEmpty();
        assertThat(new GuideSettings(null).publicBaseUrl()).isEmpty();
    }

    @Test
    void anAddressThatIsNotHttpIsRejectedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GuideSettings("zwfw.example.gov.cn"))
                .withMessageContaining("askonce.public-base-url").withMessageContaining("zwfw.example.gov.cn");
    }

    @Test
    void anAddressWithAQueryIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GuideSettings("https://zwfw.example.gov.cn/?a=1"));
    }
}
