package org.askonce.wechat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.Reply;
import org.askonce.guide.GuideLinks;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.nlp.TextNormaliser;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.ServiceItem.Hall;
import org.springframework.stereotype.Component;

/**
 * What AskOnce says to one WeChat message: text (and recognised voice) goes to the dialogue
 * engine like a web chat message; a location gets the halls nearest to it; images, videos and
 * links a polite reply; events the welcome message, the menu's topics or nothing. An answer about an
 * item ends with the link to its complete guide ("完整办事指南：…", {@link GuideLinks}). A reply too long
 * for one WeChat message is given in parts ("更多").
 */
@Component
class WechatMessageHandler {

    private static final Set<String> MORE_WORDS = Set.of(WechatText.MORE, "更多内容", "继续", "下一页", "下一部分", "more");
    private static final int MAX_HALLS = 6;
    static final String NO_HALLS = "暂未收录办理地点。告诉我您要办的事项，我会尽量为您解答；需要工作人员请回复“人工”。";

    private final DialogueEngine dialogue;
    private final Conversations conversations;
    private final KnowledgeBase knowledgeBase;
    private final Continuations continuations;
    private final WechatOutbox outbox;
    private final ChannelTexts texts;
    private final WechatFollowers followers;
    private final GuideLinks guides;

    WechatMessageHandler(DialogueEngine dialogue, Conversations conversations, KnowledgeBase knowledgeBase, Continuations continuations, WechatOutbox outbox,
                         ChannelTexts texts, WechatFollowers followers, GuideLinks guides) {
        this.followers = followers;
        this.guides = guides;
        this.dialogue = dialogue;
        this.conversations = conversations;
        this.knowledgeBase = knowledgeBase;
        this.continuations = continuations;
        this.outbox = outbox;
        this.texts = texts;
    }

    /** The reply to the message (at most {@link WechatText#MAX_BYTES}), or null when none is due. */
    String respond(String appId, WxMpXmlMessage m) {
        String openId = m.getFromUser();
        if (!"unsubscribe".equalsIgnoreCase(m.getEvent())) {
            followers.seen(appId, openId);
        }
        String type = m.getMsgType() == null ? "" : m.getMsgType().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text" -> converse(appId, openId, m.getContent() == null ? "" : m.getContent());
            case "voice" -> m.getRecognition() == null || m.getRecognition().isBlank()
                    ? texts.voiceUnrecognised() : converse(appId, openId, m.getRecognition());
            case "image", "video", "shortvideo", "link", "file" -> texts.media();
            case "location" -> first(appId, openId, halls(openId, m.getLabel() == null ? "" : m.getLabel()));
            case "event" -> event(appId, openId, m);
            default -> texts.unsupported();
        };
    }

    private String event(String appId, String openId, WxMpXmlMessage m) {
        String event = m.getEvent() == null ? "" : m.getEvent().toLowerCase(Locale.ROOT);
        return switch (event) {
            case "subscribe" -> texts.welcome();
            case "scan" -> texts.welcomeBack();
            case "unsubscribe" -> {
                forget(appId, openId);
                yield null;
            }
            case "click" -> {
                String topic = m.getEventKey() == null ? null : texts.topics().get(m.getEventKey());
                if (topic == null) {
                    yield texts.unsupported();
                }
                yield switch (topic) {
                    case ChannelTexts.WELCOME -> texts.welcome();
                    case ChannelTexts.HALLS -> first(appId, openId, halls(openId, ""));
                    default -> converse(appId, openId, topic);
                };
            }
            default -> null; // VIEW, LOCATION reports, location_select (the location message follows), template results…
        };
    }

    /** A WeChat user who unsubscribes is forgotten: conversations, pending parts and messages not yet sent. */
    void forget(String appId, String openId) {
        conversations.forget(Channel.WECHAT, openId);
        continuations.forget(appId, openId);
        outbox.forget(appId, openId);
        followers.forget(appId, openId);
    }

    private String converse(String appId, String openId, String text) {
        String said = TextNormaliser.compact(text);
        if (MORE_WORDS.contains(said)) {
            Optional<String> next = continuations.next(appId, openId);
            if (next.isPresent()) {
                return next.get();
            }
            if (said.equals(WechatText.MORE)) {
                return texts.noMore();
            }
        }
        Reply answer = dialogue.handle(Channel.WECHAT, openId, text);
        String reply = answer.reply();
        // while a person has the conversation the bot may stay silent: WeChat then gets "success"
        if (reply == null || reply.isBlank()) {
            return null;
        }
        if (answer.action() == Action.ANSWER && answer.eventName() == null) { // a life event's steps each have their guide
            reply += guideLine(answer.itemId(), text);
        }
        return first(appId, openId, reply);
    }

    /**
     * The link to the item's complete guide under an answer about it ("完整办事指南：…", with the halls
     * of a district the citizen named first), or nothing for an answer about no item. It goes at the end:
     * a reply too long for one message carries it in its last part.
     */
    private String guideLine(String itemId, String said) {
        return guides.forAnswer(itemId, said).map(url -> "\n\n" + GuideLinks.LABEL + "：" + url).orElse("");
    }

    /** The first part of the reply; the rest is kept for "更多" (and an older rest is dropped). */
    private String first(String appId, String openId, String reply) {
        List<String> parts = WechatText.split(reply);
        continuations.keep(appId, openId, parts.subList(1, parts.size()));
        return parts.get(0);
    }

    /**
     * The halls of the item being talked about, or every hall of the knowledge base; with a
     * location label, the halls in the same district first.
     */
    String halls(String openId, String label) {
        Optional<ServiceItem> item = conversations.currentItem(Channel.WECHAT, openId);
        List<Hall> itemHalls = item.map(i -> withAddress(i.halls())).orElse(List.of());
        List<Hall> ordered = new ArrayList<>(itemHalls.isEmpty() ? allHalls() : itemHalls);
        if (!label.isBlank()) {
            ordered.sort(Comparator.comparing(h -> !label.contains(district(h))));
        }
        if (ordered.isEmpty()) {
            // a new deployment's knowledge base may give no hall at all yet: no intro to an empty list
            return item.map(i -> "【" + i.name() + "】").orElse("") + NO_HALLS;
        }
        StringBuilder sb = new StringBuilder(label.isBlank() ? texts.hallsIntro() : texts.nearbyIntro());
        if (item.isPresent()) {
            // an imported item may give no hall: say so rather than pass other halls off as its own
            sb.insert(0, "【" + item.get().name() + "】" + (itemHalls.isEmpty() ? "暂未提供办理地点。" : ""));
        }
        int n = 0;
        for (Hall h : ordered.subList(0, Math.min(MAX_HALLS, ordered.size()))) {
            sb.append("\n\n").append(++n).append(". ").append(h.name());
            if (!district(h).isEmpty()) {
                sb.append("（").append(district(h)).append("）");
            }
            sb.append("\n地址：").append(h.address());
            if (!ServiceItem.isGap(h.hours())) {
                sb.append("\n时间：").append(h.hours());
            }
            if (!ServiceItem.isGap(h.phone())) {
                sb.append("\n电话：").append(h.phone());
            }
        }
        if (ordered.size() > MAX_HALLS) {
            sb.append("\n\n共").append(ordered.size()).append("处。")
                    .append(item.isPresent() && !itemHalls.isEmpty() ? "全部办理地点见完整办事指南。" : "告诉我您要办的事项，我会给出它的办理地点。");
        }
        item.ifPresent(i -> sb.append(guideLine(i.id(), label)));
        return sb.toString();
    }

    private List<Hall> allHalls() {
        Map<String, Hall> byAddress = new LinkedHashMap<>();
        for (ServiceItem item : knowledgeBase.snapshot().items()) {
            for (Hall h : withAddress(item.halls())) {
                byAddress.putIfAbsent(h.address(), h);
            }
        }
        return List.copyOf(byAddress.values());
    }

    private static List<Hall> withAddress(List<Hall> halls) {
        return halls.stream().filter(h -> !ServiceItem.isGap(h.address())).toList();
    }

    /** The hall's district: as given, or the "…区/县/市" in its address after the city. */
    private static String district(Hall h) {
        if (h.district() != null && !h.district().isBlank()) {
            return h.district();
        }
        var matcher = java.util.regex.Pattern.compile("(?:杭州市)?([^市省]{1,4}?[区县])").matcher(h.address());
        return matcher.find() ? matcher.group(1) : "";
    }
}
