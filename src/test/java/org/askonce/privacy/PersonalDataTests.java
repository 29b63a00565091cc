package org.askonce.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The masker, literal text in and out, one kind of number (or one thing left alone) per test. */
class PersonalDataTests {

    private static void assertMasks(String in, String out) {
        assertThat(PersonalData.mask(in)).isEqualTo(out);
    }

    // --- mobile numbers ---

    @Test
    void masksAMobileNumberKeepingTheFirstThreeAndLastFourDigits() {
        assertMasks("我的电话13812345678怎么查社保", "我的电话138****5678怎么查社保");
    }

    @Test
    void masksAMobileNumberWrittenWithSpacesOrDashes() {
        assertMasks("电话 138 1234 5678", "电话 138 **** 5678");
        assertMasks("电话138-1234-5678", "电话138-****-5678");
    }

    @Test
    void masksAMobileNumberAfterTheCountryCodeAndKeepsTheCode() {
        assertMasks("+86 13912345678", "+86 139****5678");
        assertMasks("+8613912345678", "+86139****5678");
        assertMasks("008613912345678", "0086139****5678");
        assertMasks("(+86)139-1234-5678", "(+86)139-****-5678");
    }

    @Test
    void masksAMobileNumberTypedInFullWidthDigitsAndKeepsThemFullWidth() {
        assertMasks("电话１３８１２３４５６７８", "电话１３８****５６７８");
    }

    @Test
    void masksEveryNumberOfAMessage() {
        assertMasks("13812345678或13987654321", "138****5678或139****4321");
    }

    @Test
    void leavesElevenDigitsThatAreNotAMobileNumberAlone() {
        assertMasks("编号12812345678", "编号12812345678");
    }

    @Test
    void leavesTheDigitsOfALongerNumberAlone() {
        assertMasks("流水号813812345678912", "流水号813812345678912");
    }

    // --- landlines ---

    @Test
    void masksALandlineKeepingTheAreaCodeAndTheLastFourDigits() {
        assertMasks("座机0571-87654321", "座机0571-****4321");
    }

    @Test
    void masksALandlineWithAThreeDigitAreaCodeWrittenWithoutASeparator() {
        assertMasks("01065123456", "010****3456");
        assertMasks("020-8312345", "020-***2345");
    }

    @Test
    void masksALandlineWithTheAreaCodeInBracketsAndKeepsTheExtension() {
        assertMasks("(0571)87280110", "(0571)****0110");
        assertMasks("020-83123456-801", "020-****3456-801");
    }

    @Test
    void leavesALocalNumberWithoutAreaCodeAlone() {
        assertMasks("拨打87654321", "拨打87654321");
    }

    // --- ID cards ---

    @Test
    void masksAnIdCardNumberKeepingTheRegionAndTheLastFour() {
        assertMasks("身份证330102199001011234", "身份证330102********1234");
    }

    @Test
    void masksAnIdCardNumberEndingInX() {
        assertMasks("33010219900101123X", "330102********123X");
        assertMasks("33010219900101123x", "330102********123x");
    }

    @Test
    void masksAnIdCardNumberWrittenInGroups() {
        assertMasks("330102 19900101 1234", "330102 ******** 1234");
    }

    @Test
    void masksAnIdCardNumberInFullWidthDigits() {
        assertMasks("３３０１０２１９９００１０１１２３Ｘ", "３３０１０２********１２３Ｘ");
    }

    @Test
    void masksAnOldFifteenDigitIdCardNumber() {
        assertMasks("老身份证330102900101123", "老身份证330102*****1123");
    }

    // --- bank cards ---

    @Test
    void masksABankCardNumberThatPassesTheLuhnCheck() {
        assertMasks("卡号6222021234567894", "卡号6222********7894");
    }

    @Test
    void masksANineteenDigitBankCardNumberWrittenInGroups() {
        assertMasks("6217 0012 3456 7890 122", "6217 **** **** ***0 122");
    }

    @Test
    void leavesADateRangeAloneEvenWhenItsDigitsPassTheLuhnCheck() {
        assertMasks("20240301-20240309期间的社保", "20240301-20240309期间的社保");
    }

    @Test
    void leavesALongOrderNumberThatFailsTheLuhnCheckAlone() {
        assertMasks("订单号2024030112345670", "订单号2024030112345670");
    }

    // --- e-mail ---

    @Test
    void masksTheNameOfAnEmailAddressKeepingItsFirstCharacterAndTheDomain() {
        assertMasks("邮箱zhangsan@example.com谢谢", "邮箱z***@example.com谢谢");
        assertMasks("12345678@qq.com", "1***@qq.com");
    }

    // --- what is left alone ---

    @Test
    void leavesDatesAmountsAndShortNumbersAlone() {
        String text = "2024年3月1日、2024-03-01 办理，费用20元，窗口12号，热线12345，20240301";
        assertMasks(text, text);
    }

    @Test
    void leavesTextWithoutNumbersAndNullAsTheyAre() {
        assertMasks("狗证要带什么材料", "狗证要带什么材料");
        assertThat(PersonalData.mask(null)).isNull();
    }

    @Test
    void saysWhetherATextHoldsPersonalData() {
        assertThat(PersonalData.holdsPersonalData("电话13812345678")).isTrue();
        assertThat(PersonalData.holdsPersonalData("狗证要多少钱，20元吗")).isFalse();
    }

    // --- phone numbers to call back ---

    @Test
    void findsTheFirstPhoneNumberOfAMessageToCallBack() {
        assertThat(PersonalData.phoneIn("我的电话是13912345678，座机0571-87654321")).contains("13912345678");
        assertThat(PersonalData.phoneIn("座机0571-87654321")).contains("0571-87654321");
        assertThat(PersonalData.phoneIn("电话：+86 １３９１２３４５６７８")).contains("13912345678");
        assertThat(PersonalData.phoneIn("没有电话")).isEmpty();
    }

    @Test
    void theLuhnCheckAcceptsValidCardNumbersOnly() {
        assertThat(PersonalData.luhn("6222021234567894")).isTrue();
        assertThat(PersonalData.luhn("6222021234567895")).isFalse();
    }
}
