package org.askonce.knowledge.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The clerk's rules for a spreadsheet cell, literal values in, the Chinese problem (or none) out. */
class CellRulesTests {

    @Test
    void acceptsAMobileNumber() {
        assertThat(CellRules.phone("13812345678")).isEmpty();
    }

    @Test
    void acceptsALandlineWithItsAreaCodeWrittenThreeWays() {
        assertThat(CellRules.phone("0571-87654321")).isEmpty();
        assertThat(CellRules.phone("（0571）87654321")).isEmpty();
        assertThat(CellRules.phone("010 6512345")).isEmpty();
    }

    @Test
    void acceptsALandlineWithAnExtension() {
        assertThat(CellRules.phone("0571-87654321转8001")).isEmpty();
        assertThat(CellRules.phone("0571-87654321 分机 12")).isEmpty();
    }

    @Test
    void acceptsFiveDigitServiceHotlinesWithOrWithoutAreaCode() {
        assertThat(CellRules.phone("12345")).isEmpty();
        assertThat(CellRules.phone("0571-12333")).isEmpty();
        assertThat(CellRules.phone("96225")).isEmpty();
    }

    @Test
    void acceptsSeveralNumbersInOneCell() {
        assertThat(CellRules.phone("0571-87654321、12345")).isEmpty();
        assertThat(CellRules.phone("13812345678 / 0571-87654321")).isEmpty();
    }

    @Test
    void acceptsAnEmptyCellOrAPlaceholderAsAGap() {
        assertThat(CellRules.phone("")).isEmpty();
        assertThat(CellRules.phone("暂无")).isEmpty();
    }

    @Test
    void refusesAFourDigitNumber() {
        assertThat(CellRules.phone("1234")).contains("“1234”不是有效的电话号码（手机号 11 位；固定电话带区号，如 0571-87654321；服务热线如 12345）");
    }

    @Test
    void refusesAMobileNumberWithADigitMissing() {
        assertThat(CellRules.phone("1381234567")).isPresent();
    }

    @Test
    void namesTheBadNumberAmongGoodOnes() {
        assertThat(CellRules.phone("12345、020-327605405")).hasValueSatisfying(p -> assertThat(p).startsWith("“020-327605405”"));
    }

    @Test
    void acceptsAHotlineWithItsMenuKeys() {
        assertThat(CellRules.phone("020-12333-9-0")).isEmpty();
        assertThat(CellRules.phone("020--12345-1")).isEmpty();
    }

    @Test
    void acceptsNumbersAmongWordsAsCataloguesWriteThem() {
        assertThat(CellRules.phone("电话：020-86350153，受理时间：周一至周五上午08：30-12:00")).isEmpty();
        assertThat(CellRules.phone("拨打12348或020-86350683")).isEmpty();
    }

    @Test
    void acceptsA400Number() {
        assertThat(CellRules.phone("400-7000-690")).isEmpty();
    }

    @Test
    void refusesACellWithoutANumber() {
        assertThat(CellRules.phone("请到窗口咨询")).contains("“请到窗口咨询”里没有电话号码（手机号 11 位；固定电话带区号，如 0571-87654321；服务热线如 12345）");
    }

    @Test
    void acceptsHttpAndHttpsLinks() {
        assertThat(CellRules.url("https://www.zjzwfw.gov.cn/item?id=1")).isEmpty();
        assertThat(CellRules.url("http://example.gov.cn")).isEmpty();
    }

    @Test
    void refusesALinkWithoutItsScheme() {
        assertThat(CellRules.url("www.zjzwfw.gov.cn")).contains("应为以 http:// 或 https:// 开头的完整网址，现在是“www.zjzwfw.gov.cn”");
    }

    @Test
    void refusesALinkThatIsNotWeb() {
        assertThat(CellRules.url("ftp://files.gov.cn/a")).isPresent();
        assertThat(CellRules.url("https://")).isPresent();
    }

    @Test
    void acceptsZeroAsACount() {
        assertThat(CellRules.count("0", 0, null)).isEmpty();
    }

    @Test
    void refusesANegativeCount() {
        assertThat(CellRules.count("-3", 0, null)).contains("应为整数（0 或更大），现在是 -3");
    }

    @Test
    void refusesACountInWords() {
        assertThat(CellRules.count("三十", 0, null)).contains("应为整数（0 或更大），现在是“三十”");
    }

    @Test
    void refusesACountAboveItsMaximum() {
        assertThat(CellRules.count("12", 0, 9)).contains("应为整数（0 到 9），现在是 12");
    }
}
