package org.askonce.wechat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.HallWording;
import org.askonce.dialogue.Reply;
import org.askonce.guide.GuideLinks;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.TextNormaliser;
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
     * location label, the halls in the same district first (worded by {@link HallWording}).
     */
    String halls(String openId, String label) {
        Optional<ServiceItem> item = conversations.currentItem(Channel.WECHAT, openId);
        String list = HallWording.directory(item, knowledgeBase.snapshot(), label, label.isBlank() ? texts.hallsIntro() : texts.nearbyIntro());
        return list.endsWith(HallWording.NO_HALLS) ? list : list + item.map(i -> guideLine(i.id(), label)).orElse("");
    }
}
