package org.askonce.wechat;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import org.askonce.knowledge.Mappers;

/**
 * The WeChat channel's own wording (welcome message, replies to images or unclear voice…) and the
 * menu: what each CLICK key asks. Read from {@code knowledge-base/wechat/channel.yaml} and checked
 * against {@code menu.json} at start-up: every click key must say what it does. Without a
 * {@code channel.yaml} the channel uses built-in generic texts ({@link #defaults()}); without a
 * {@code menu.json} there is no menu.
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
        String queued,
        Map<String, String> topics) {

    static final String WELCOME = "@welcome";
    static final String HALLS = "@halls";
    /** The reply while the database does not answer: the question is kept and answered by push. Optional in channel.yaml. */
    static final String QUEUED = "您的问题已收到。系统正在恢复，答复稍后会发到这里，请留意本公众号的消息。";

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
        queued = queued == null || queued.isBlank() ? QUEUED : queued;
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

    /**
     * The built-in texts for a deployment without {@code channel.yaml}: generic, about no particular
     * city or item, with the menu keys {@code HELP} (the welcome), {@code HALLS} (the service halls)
     * and {@code HUMAN} (an agent).
     */
    static ChannelTexts defaults() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("HALLS", HALLS);
        topics.put("HELP", WELCOME);
        topics.put("HUMAN", "转人工");
        return new ChannelTexts(
                """
                您好，欢迎关注！我是政务服务助手“最多问一次”，办事前先问我，争取只跑一次。
                直接发消息告诉我您要办的事，我可以告诉您需要的材料、办理时限、费用、办理地点和时间等。
                发送位置可以查找附近的办事大厅，回复“人工”找工作人员。""",
                "欢迎回来！请直接发送您想办理的事项或问题，我可以告诉您需要的材料、办理时限、费用和地点。",
                "抱歉，这条语音我没听清。请用文字再说一遍您的问题。",
                "收到啦。我目前只能看懂文字（和语音转成的文字），请用文字描述您要办的事；需要工作人员请回复“人工”。",
                "抱歉，这类消息我还处理不了。请用文字描述您要办的事，或回复“人工”找工作人员。",
                "以下是办事大厅的地址和时间：",
                "根据您发送的位置，离您较近的办理地点：",
                "没有更多内容了。您可以继续提问。",
                "抱歉，系统正忙，暂时无法回答。请稍后再试，或拨打12345政务服务便民热线。",
                QUEUED,
                topics);
    }

    private static void check(List<String> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    /**
     * Reads the texts ({@link #defaults()} if the channel file does not exist) and checks that the menu
     * (if the file exists) only uses keys they define.
     */
    static ChannelTexts read(Path channelFile, Path menuFile) {
        boolean builtIn = !Files.exists(channelFile);
        ChannelTexts texts;
        if (builtIn) {
            texts = defaults();
        } else {
            try {
                texts = Mappers.readYaml(channelFile, ChannelTexts.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read WeChat channel texts " + channelFile + ": " + e.getMessage(), e);
            }
        }
        if (menuFile != null && Files.exists(menuFile)) {
            WxMenu menu = readMenu(menuFile);
            for (String key : clickKeys(menu)) {
                if (!texts.topics().containsKey(key)) {
                    throw new IllegalArgumentException("WeChat menu " + menuFile + ": click key " + key + " has no topic in "
                            + (builtIn ? "the built-in texts (" + channelFile + " does not exist; add it with a topic for " + key + ")"
                                    : channelFile));
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
