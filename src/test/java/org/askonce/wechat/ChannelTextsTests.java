package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelTextsTests {

    @TempDir
    Path dir;

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
    void anUnknownBuiltInTopicIsRejected() throws Exception {
        String base = Files.readString(Path.of("knowledge-base/wechat/channel.yaml"));
        Path channel = Files.writeString(dir.resolve("channel.yaml"), base + "  EXTRA: \"@weather\"\n");
        assertThatThrownBy(() -> ChannelTexts.read(channel, null)).hasMessageContaining("@weather");
    }
}
