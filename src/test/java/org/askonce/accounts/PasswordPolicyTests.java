package org.askonce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rules a new or changed staff password must meet, each with the message staff read. */
class PasswordPolicyTests {

    private static void refused(String username, String password, String message) {
        assertThatThrownBy(() -> PasswordPolicy.check(username, password))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void elevenCharactersAreTooFew() {
        refused("li.na", "tea-in-hz-7", "密码至少 12 个字符");
    }

    @Test
    void twelveUnusualCharactersAreEnough() {
        assertThatCode(() -> PasswordPolicy.check("li.na", "tea-in-hz-78")).doesNotThrowAnyException();
    }

    @Test
    void tenDigitsInARowAreRefused() {
        refused("li.na", "1234567890", "密码至少 12 个字符");
    }

    @Test
    void tenSpacesAreRefused() {
        refused("li.na", " ".repeat(10), "密码至少 12 个字符");
    }

    @Test
    void oneCharacterRepeatedIsRefused() {
        refused("li.na", " ".repeat(12), "密码不能全是同一个字符");
        refused("li.na", "a".repeat(20), "密码不能全是同一个字符");
    }

    @Test
    void chineseCharactersCountOneEach() {
        assertThatCode(() -> PasswordPolicy.check("li.na", "西湖边上的十二个汉字密码")).doesNotThrowAnyException();
        refused("li.na", "西湖边上的十一个汉字码", "密码至少 12 个字符");
    }

    @Test
    void moreThanSeventyTwoBytesAreRefused() {
        refused("li.na", "市民卡".repeat(9), "密码最长 72 个字节（72 个英文字符或 24 个汉字）");
    }

    @Test
    void thePasswordMayNotBeTheUsername() {
        refused("hangzhou.admin", "hangzhou.admin", "密码不能包含用户名");
    }

    @Test
    void thePasswordMayNotContainTheUsernameInAnyCase() {
        refused("zhang.san", "my-ZHANG.SAN-pass", "密码不能包含用户名");
    }

    @Test
    void aCommonPasswordOfTwelveCharactersIsRefusedInAnyCase() {
        refused("li.na", "qwerty123456", "这个密码太常见，很容易被猜中，请换一个");
        refused("li.na", "QWERTY123456", "这个密码太常见，很容易被猜中，请换一个");
    }

    @Test
    void aCommonPasswordFollowedByDigitsAndSymbolsIsRefused() {
        refused("li.na", "password2024!", "这个密码是常见密码加数字或符号（如 password2024!），很容易被猜中，请换一个");
        refused("li.na", "123456789012", "这个密码是常见密码加数字或符号（如 password2024!），很容易被猜中，请换一个");
    }

    @Test
    void aCommonWordInsideALongerPassphraseIsFine() {
        assertThatCode(() -> PasswordPolicy.check("li.na", "dragon-boat-on-west-lake")).doesNotThrowAnyException();
    }

    @Test
    void theShippedListHoldsTheTenThousandMostCommonPasswords() {
        assertThat(PasswordPolicy.commonPasswords()).as("10,000 lines, fewer once case is ignored").isBetween(9_900, 10_000);
    }
}
