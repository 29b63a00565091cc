package org.askonce.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.dialogue.Message;
import org.askonce.dialogue.Sender;

/**
 * What the citizen actually asked, for the agent's queue: the questions that led to the hand-off,
 * not the words "转人工". A request for a person ("转人工", "我要找人工客服") is no question; a
 * menu choice ("1") is none either; a complaint or a question the bot was unsure of is.
 */
final class AskedQuestion {

    /** At most this many of the citizen's last questions are shown. */
    static final int LAST = 3;
    static final int MAX_CHARS = 1000;

    /** The citizen's messages of these turns were questions to the bot. */
    private static final Set<Action> ASKED = Set.of(Action.ANSWER, Action.CLARIFY, Action.UNKNOWN, Action.HANDOFF);
    /** Turns that end an earlier episode with people: questions before them led to that one, not to this. */
    private static final Set<Action> EPISODE_END = Set.of(Action.AGENT_REPLY, Action.RESOLVED, Action.NOTICE, Action.WITH_AGENT);
    /** The words of a request for a person, and politeness around them. */
    private static final Pattern REQUEST_WORDS = Pattern.compile(
            "人工客服|人工服务|人工|真人|客服|工作人员|坐席|转接|我要|我想|请|帮我|给我|麻烦|一下|谢谢|你好|您好|转|找|接|跟|和|说|聊|吧|啊|呀|哦|了");
    private static final Pattern NOT_WORDS = Pattern.compile("[\\p{P}\\p{S}\\s\\p{N}]");

    private AskedQuestion() {
    }

    /**
     * The citizen's questions that led to the hand-off (the last {@value #LAST}, oldest first, one a
     * line), from the conversation's messages up to the hand-off; "" when the citizen asked for a
     * person without saying what about.
     */
    static String of(List<Message> messages, HandoffRequested.Reason reason) {
        List<String> asked = new ArrayList<>();
        for (Message m : messages) {
            if (EPISODE_END.contains(m.action()) && m.sender() != Sender.CITIZEN) {
                asked.clear();
            }
            if (m.sender() != Sender.CITIZEN || !ASKED.contains(m.action()) || !isQuestion(m.text())) {
                continue;
            }
            if (m.action() == Action.HANDOFF && reason == HandoffRequested.Reason.CITIZEN_ASKED && requestOnly(m.text())) {
                continue;
            }
            asked.add(m.text().strip());
        }
        List<String> last = asked.subList(Math.max(0, asked.size() - LAST), asked.size());
        String joined = String.join("\n", last);
        return joined.length() > MAX_CHARS ? joined.substring(0, MAX_CHARS) : joined;
    }

    /** A message that asks something: more than a menu number or punctuation, and not only a request for a person. */
    static boolean isQuestion(String text) {
        return text != null && NOT_WORDS.matcher(text).replaceAll("").length() >= 2;
    }

    /** "转人工", "我要找人工客服", "请帮我转接工作人员，谢谢": a request for a person that says nothing of the matter. */
    static boolean requestOnly(String text) {
        if (text == null) {
            return true;
        }
        String rest = NOT_WORDS.matcher(REQUEST_WORDS.matcher(text).replaceAll("")).replaceAll("");
        return rest.codePointCount(0, rest.length()) < 3;
    }

    /** The most recent question of {@link #of}'s result (what to look candidates up for). */
    static String latest(String asked) {
        if (asked == null || asked.isBlank()) {
            return "";
        }
        String[] lines = asked.split("\n");
        return lines[lines.length - 1];
    }
}
