package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.askonce.knowledge.KnowledgeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ChannelTextsTests {

    @TempDir
    Path dir;

    private static WechatSettings settings(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("askonce.wechat", WechatSettings.class);
    }

    @Test
    void theRepositoryMenuAndTextsAgree() {
        ChannelTexts texts = ChannelTexts.read(Path.of("knowledge-base/wechat/channel.yaml"), Path.of("knowledge-base/wechat/menu.json"));
        assertThat(ChannelTexts.clickKeys(ChannelTexts.readMenu(Path.of("knowledge-base/wechat/menu.json"))))
                .allSatisfy(key -> assertThat(texts.topics()).containsKey(key));
        assertThat(texts.welcome()).contains("人工");
    }

    @Test
    void aClickKeyWithoutTopicIsRejectedWithItsName() throws Exception {
        Path menu = Files.writeString(dir.resolve("menu.json"),
                "{\"button\":[{\"type\":\"click\",\"name\":\"新入口\",\"key\":\"TOPIC_NEW\"}]}");
        assertThatThrownBy(() -> ChannelTexts.read(Path.of("knowledge-base/wechat/channel.yaml"), menu))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOPIC_NEW");
    }

    @Test
    void aMenuWithFourButtonsIsRejected() throws Exception {
        String button = "{\"type\":\"click\",\"name\":\"帮助\",\"key\":\"HELP\"}";
        Path menu = Files.writeString(dir.resolve("menu.json"), "{\"button\":[" + String.join(",", button, button, button, button) + "]}");
        assertThatThrownBy(() -> ChannelTexts.readMenu(menu)).hasMessageContaining("1 to 3 buttons");
    }

    @Test
    void aMissingTextIsNamed() throws Exception {
        Path channel = Files.writeString(dir.resolve("channel.yaml"), "welcome: 你好\n");
        assertThatThrownBy(() -> ChannelTexts.read(channel, null)).hasMessageContaining("welcome-back").hasMessageContaining("busy");
    }

    @Test
    void withoutAChannelFileTheBuiltInTextsAreUsed() {
        ChannelTexts texts = ChannelTexts.read(dir.resolve("channel.yaml"), dir.resolve("menu.json"));

        assertThat(texts).isEqualTo(ChannelTexts.defaults());
    }

    @Test
    void theBuiltInWelcomeSaysWhatCanBeAskedAndHowToReachAPerson() {
        assertThat(ChannelTexts.defaults().welcome()).contains("材料", "时限", "费用", "地点", "人工");
    }

    @Test
    void theBuiltInTextsNameNoCityOrSampleItem() {
        ChannelTexts texts = ChannelTexts.defaults();
        String all = String.join("\n", texts.welcome(), texts.welcomeBack(), texts.voiceUnrecognised(), texts.media(),
                texts.unsupported(), texts.hallsIntro(), texts.nearbyIntro(), texts.noMore(), texts.busy(),
                String.join("\n", texts.topics().values()));
        assertThat(all).doesNotContain("杭州", "浙江", "狗证", "护照", "公积金", "落户");
    }

    @Test
    void theBuiltInTopicsAreTheWelcomeTheHallsAndAnAgent() {
        assertThat(ChannelTexts.defaults().topics())
                .containsOnly(entry("HELP", ChannelTexts.WELCOME), entry("HALLS", ChannelTexts.HALLS), entry("HUMAN", "转人工"));
    }

    @Test
    void aMenuWithoutAChannelFileMayUseTheBuiltInTopics() throws Exception {
        Path menu = Files.writeString(dir.resolve("menu.json"), "{\"button\":[{\"type\":\"click\",\"name\":\"怎么问我\",\"key\":\"HELP\"},"
                + "{\"type\":\"click\",\"name\":\"办事大厅\",\"key\":\"HALLS\"},{\"type\":\"click\",\"name\":\"转人工\",\"key\":\"HUMAN\"}]}");

        assertThat(ChannelTexts.read(dir.resolve("channel.yaml"), menu)).isEqualTo(ChannelTexts.defaults());
    }

    @Test
    void aMenuKeyWithoutABuiltInTopicSaysWhichChannelFileToAdd() throws Exception {
        Path menu = Files.writeString(dir.resolve("menu.json"),
                "{\"button\":[{\"type\":\"click\",\"name\":\"户口\",\"key\":\"TOPIC_HUKOU\"}]}");

        assertThatThrownBy(() -> ChannelTexts.read(dir.resolve("channel.yaml"), menu))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOPIC_HUKOU")
                .hasMessageContaining("built-in texts")
                .hasMessageContaining(dir.resolve("channel.yaml").toString());
    }

    @Test
    void withoutAMenuFileTheTextsAreReadAlone() {
        ChannelTexts texts = ChannelTexts.read(Path.of("knowledge-base/wechat/channel.yaml"), dir.resolve("menu.json"));

        assertThat(texts.topics()).containsKey("TOPIC_HUKOU");
    }

    @Test
    void aMalformedChannelFileIsStillRejected() throws Exception {
        Path channel = Files.writeString(dir.resolve("channel.yaml"), "welcome: [unclosed\n");

        assertThatThrownBy(() -> ChannelTexts.read(channel, null)).hasMessageContaining("Cannot read WeChat channel texts");
    }

    @Test
    void aKnowledgeBaseWithoutAWechatFolderGetsTheBuiltInTexts() {
        ChannelTexts texts = new WechatConfiguration().channelTexts(settings(Map.of()), new KnowledgeSettings(dir, Duration.ofSeconds(2)));

        assertThat(texts).isEqualTo(ChannelTexts.defaults());
    }

    @Test
    void aChannelFileNamedInTheSettingsMustExist() {
        WechatSettings settings = settings(Map.of("askonce.wechat.channel-file", dir.resolve("channel.yaml").toString()));

        assertThatThrownBy(() -> new WechatConfiguration().channelTexts(settings, new KnowledgeSettings(dir, Duration.ofSeconds(2))))
                .hasMessageContaining("askonce.wechat.channel-file").hasMessageContaining("channel.yaml");
    }

    @Test
    void anUnknownBuiltInTopicIsRejected() throws Exception {
        String base = Files.readString(Path.of("knowledge-base/wechat/channel.yaml"));
        Path channel = Files.writeString(dir.resolve("channel.yaml"), base + "  EXTRA: \"@weather\"\n");
        assertThatThrownBy(() -> ChannelTexts.read(channel, null)).hasMessageContaining("@weather");
    }
}
