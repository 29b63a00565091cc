package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WechatSettingsTests {

    private static WechatSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("askonce.wechat", WechatSettings.class);
    }

    @Test
    void anAccountWithAllFourValuesEmptyIsNotConfigured() {
        WechatSettings settings = bind(Map.of(
                "askonce.wechat.accounts[0].app-id", "", "askonce.wechat.accounts[0].secret", "",
                "askonce.wechat.accounts[0].token", "", "askonce.wechat.accounts[0].aes-key", "",
                "askonce.wechat.accounts[1].app-id", "wx-second", "askonce.wechat.accounts[1].token", "t"));

        assertThat(settings.accounts()).extracting(WechatSettings.Account::appId).containsExactly("wx-second");
    }

    @Test
    void aHalfConfiguredAccountIsRejectedWithWhatIsMissing() {
        assertThatThrownBy(() -> bind(Map.of("askonce.wechat.accounts[0].app-id", "wx1", "askonce.wechat.accounts[0].secret", "s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("askonce.wechat.accounts[0] needs app-id and token");
    }

    @Test
    void anAesKeyOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> bind(Map.of("askonce.wechat.accounts[0].app-id", "wx1", "askonce.wechat.accounts[0].token", "t",
                "askonce.wechat.accounts[0].aes-key", "too-short")))
                .rootCause().hasMessageContaining("must be the 43-character EncodingAESKey");
    }

    @Test
    void anAccountNeverPrintsItsSecrets() {
        var account = new WechatSettings.Account("wx1", "the-secret", "the-token", "k".repeat(43), null);

        assertThat(account.toString()).contains("wx1").doesNotContain("the-secret", "the-token", "kkkk");
    }

    @Test
    void aReminderTemplateWithoutFieldsGetsTheFieldsOfWechatsBookingReminder() {
        WechatSettings settings = bind(Map.of("askonce.wechat.accounts[0].app-id", "wx1", "askonce.wechat.accounts[0].token", "t",
                "askonce.wechat.accounts[0].reminder-template.id", " TPL-reminder-1 "));

        WechatSettings.ReminderTemplate template = settings.accounts().get(0).reminderTemplate();
        assertThat(template.id()).isEqualTo("TPL-reminder-1");
        assertThat(template.data()).containsExactly(Map.entry("thing1", "{item}"), Map.entry("time2", "{date} {start}"),
                Map.entry("thing3", "{hall}"), Map.entry("character_string4", "{code}"));
    }

    @Test
    void aReminderTemplatesFieldsAreBoundWithTheirNamesAsWritten() {
        WechatSettings settings = bind(Map.of("askonce.wechat.accounts[0].app-id", "wx1", "askonce.wechat.accounts[0].token", "t",
                "askonce.wechat.accounts[0].reminder-template.id", "TPL",
                "askonce.wechat.accounts[0].reminder-template.data[character_string9]", "{code}",
                "askonce.wechat.accounts[0].reminder-template.data[time5]", "{date} {start}-{end}"));

        assertThat(settings.accounts().get(0).reminderTemplate().data())
                .containsOnly(Map.entry("character_string9", "{code}"), Map.entry("time5", "{date} {start}-{end}"));
    }

    @Test
    void aReminderTemplateFieldWithAnUnknownPlaceholderIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> bind(Map.of("askonce.wechat.accounts[0].app-id", "wx1", "askonce.wechat.accounts[0].token", "t",
                "askonce.wechat.accounts[0].reminder-template.id", "TPL",
                "askonce.wechat.accounts[0].reminder-template.data.thing1", "{itemName}")))
                .rootCause().hasMessageContaining("reminder-template.data.thing1: unknown placeholder {itemName}; known: {item} {hall} {date}");
    }

    @Test
    void aReminderTemplateWithoutItsIdIsRejected() {
        assertThatThrownBy(() -> bind(Map.of("askonce.wechat.accounts[0].app-id", "wx1", "askonce.wechat.accounts[0].token", "t",
                "askonce.wechat.accounts[0].reminder-template.data.thing1", "{item}")))
                .rootCause().hasMessageContaining("reminder-template.id must name the template");
    }

    @Test
    void anAccountWithoutAReminderTemplateRemindsByCustomerServiceMessage() {
        WechatSettings settings = bind(Map.of("askonce.wechat.accounts[0].app-id", "wx1", "askonce.wechat.accounts[0].token", "t"));

        assertThat(settings.accounts().get(0).reminderTemplate()).isNull();
    }
}
