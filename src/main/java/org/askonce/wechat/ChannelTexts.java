package org.askonce.wechat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;

/**
 * The WeChat channel's own wording (welcome message, replies to images or unclear voice…) and the
 * menu: what each CLICK key asks. Read from {@code knowledge-base/wechat/channel.yaml} and checked
 * against {@code menu.json} at start-up: every click key must say what it does.
 */
record ChannelTexts(
        String welcome,
        @JsonProperty("welcome-back") String welcomeBack,
        @JsonProperty("voice-unrecognised") String voiceUnrecognised,
        String media,
        String unsupported,
        @JsonProperty("halls-intro") String hallsIntro,
        @JsonProperty("nearby-intro") String nearbyIntro,
        @JsonProperty("no-more") String noMore,
        String busy,
        Map<String, String> topics) {

    static final String WELCOME = "@welcome";
    static final String HALLS = "@halls";

    ChannelTexts {
        List<String> missing = new ArrayList<>();
        check(missing, "welcome", welcome);
        check(missing, "welcome-back", welcomeBack);
        check(missing, "voice-unrecognised", voiceUnrecognised);
        check(missing, "media", media);
        check(missing, "unsupported", unsupported);
        check(missing, "halls-intro", hallsIntro);
        check(missing, "nearby-intro", nearbyIntro);
        check(missing, "no-more", noMore);
        check(missing, "busy", busy);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("WeChat channel texts: missing or empty " + String.join(", ", missing));
        }
        topics = topics == null ? Map.of() : new LinkedHashMap<>(topics);
        topics.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("WeChat channel texts: topic " + key + " has no question");
            }
            if (value.startsWith("@") && !value.equals(WELCOME) && !value.equals(HALLS)) {
                throw new IllegalArgumentException("WeChat channel texts: topic " + key + " is " + value
                        + "; only " + WELCOME + " and " + HALLS + " are built in");
            }
        });
    }

    private static void check(List<String> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    /** Reads the texts and checks that the menu (if the file exists) only uses keys they define. */
    static ChannelTexts read(Path channelFile, Path menuFile) {
        ChannelTexts texts;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            texts = yaml.readValue(channelFile.toFile(), ChannelTexts.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read WeChat channel texts " + channelFile + ": " + e.getMessage(), e);
        }
        if (menuFile != null && Files.exists(menuFile)) {
            WxMenu menu = readMenu(menuFile);
            for (String key : clickKeys(menu)) {
                if (!texts.topics().containsKey(key)) {
                    throw new IllegalArgumentException("WeChat menu " + menuFile + ": click key " + key + " has no topic in " + channelFile);
                }
            }
        }
        return texts;
    }

    /** The menu file as WeChat will take it: at most 3 buttons of at most 5 entries, each with a name and a key or URL. */
    static WxMenu readMenu(Path menuFile) {
        WxMenu menu;
        try {
            menu = WxMenu.fromJson(Files.readString(menuFile, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read WeChat menu " + menuFile + ": " + e.getMessage(), e);
        }
        if (menu.getButtons() == null || menu.getButtons().isEmpty() || menu.getButtons().size() > 3) {
            throw new IllegalArgumentException("WeChat menu " + menuFile + " must have 1 to 3 buttons");
        }
        for (WxMenuButton b : menu.getButtons()) {
            if (b.getSubButtons() != null && b.getSubButtons().size() > 5) {
                throw new IllegalArgumentException("WeChat menu " + menuFile + ": button " + b.getName() + " has more than 5 entries");
            }
        }
        return menu;
    }

    static List<String> clickKeys(WxMenu menu) {
        List<String> keys = new ArrayList<>();
        for (WxMenuButton b : menu.getButtons()) {
            List<WxMenuButton> all = new ArrayList<>(b.getSubButtons() == null ? List.of() : b.getSubButtons());
            all.add(b);
            for (WxMenuButton x : all) {
                if (x.getName() == null || x.getName().isBlank()) {
                    throw new IllegalArgumentException("WeChat menu: an entry has no name");
                }
                if ("click".equals(x.getType())) {
                    if (x.getKey() == null || x.getKey().isBlank()) {
                        throw new IllegalArgumentException("WeChat menu: click entry " + x.getName() + " has no key");
                    }
                    keys.add(x.getKey());
                } else if ("view".equals(x.getType()) && (x.getUrl() == null || !x.getUrl().matches("https?://\\S+"))) {
                    throw new IllegalArgumentException("WeChat menu: view entry " + x.getName() + " needs an http(s) url");
                }
            }
        }
        return keys;
    }
}
