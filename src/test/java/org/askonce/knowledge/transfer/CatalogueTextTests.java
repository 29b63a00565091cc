package org.askonce.knowledge.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The catalogue's typing slips put right on import, and everything else left as published. */
class CatalogueTextTests {

    @Test
    void aPhraseTypedTwiceIsSaidOnce() {
        assertThat(CatalogueText.tidy("科学传播科学传播活动查询")).isEqualTo("科学传播活动查询");
    }

    @Test
    void bracketsOfTwoWidthsArePairedInFullWidth() {
        assertThat(CatalogueText.tidy("枪支(弹药)运输(携运）许可")).isEqualTo("枪支（弹药）运输（携运）许可");
    }

    @Test
    void halfWidthBracketsThatPairUpAreLeftAsPublished() {
        assertThat(CatalogueText.tidy("保安员证核发(初次申领保安员证)")).isEqualTo("保安员证核发(初次申领保安员证)");
    }

    @Test
    void aListNumberWithOnlyAClosingBracketGetsItsOpeningOne() {
        assertThat(CatalogueText.tidy("可以提出申请： 1）有明确的用途；2）有资金。")).isEqualTo("可以提出申请： （1）有明确的用途；（2）有资金。");
    }

    @Test
    void aLetteredListItemAfterASpaceIsBracketedToo() {
        assertThat(CatalogueText.tidy("即可申请。 a) 已取得许可")).isEqualTo("即可申请。 （a） 已取得许可");
    }

    @Test
    void aClosingBracketThatClosesNothingGoes() {
        assertThat(CatalogueText.tidy("具有强制执行效力的债权文书[还款（物）协议、还款承诺)]公证书公证指引"))
                .isEqualTo("具有强制执行效力的债权文书[还款（物）协议、还款承诺]公证书公证指引");
    }

    @Test
    void aChineseListNumberInsideTextThatPairsUpStays() {
        assertThat(CatalogueText.tidy("其证书失效： （一）已与聘用单位解除劳动合同")).isEqualTo("其证书失效： （一）已与聘用单位解除劳动合同");
    }

    @Test
    void textWithoutChineseIsLeftAlone() {
        assertThat(CatalogueText.tidy("020-83119999)")).isEqualTo("020-83119999)");
    }

    @Test
    void aLinkParameterThatIsNullGoes() {
        assertThat(CatalogueText.link("https://tyrz.gd.gov.cn/tif/sso/static/?client_id=gzsthjj&gdbsTokenId=null&scope=all"))
                .isEqualTo("https://tyrz.gd.gov.cn/tif/sso/static/?client_id=gzsthjj&scope=all");
    }

    @Test
    void aLinkWhoseOnlyParameterIsNullEndsAtItsPath() {
        assertThat(CatalogueText.link("https://example.gov.cn/a?token=null")).isEqualTo("https://example.gov.cn/a");
    }
}
