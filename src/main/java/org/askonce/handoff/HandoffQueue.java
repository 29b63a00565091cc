package org.askonce.handoff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.askonce.accounts.UserAccount;
import org.askonce.accounts.UserAccounts;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversation;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DeliveryEvents.PushRequested;
import org.askonce.dialogue.Message;
import org.askonce.dialogue.Sender;
import org.askonce.knowledge.editing.KnowledgeDrafts;
import org.askonce.privacy.AccessLog;
import org.askonce.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human queue: every conversation the bot handed over, from WAITING through WITH_AGENT to its
 * end, for the agent console and the agent API alike. A conversation's state and its hand-off
 * change together, by conditional updates, so two agents cannot claim one conversation and a
 * citizen's cancel cannot cross an agent's claim. Agents' messages reach the citizen through their
 * channel (a WeChat push is published as {@link PushRequested}); each keeps its delivery state. A web
 * citizen's message waits as UNREAD (待查看) until their chat page fetches it, which the web chat
 * settles as SENT (已送达). What happens in conversations (a hand-off requested, cancelled, rated, a
 * delivery settled) reaches the queue through {@link ConversationListener}.
 */
@Service
public class HandoffQueue {

    private static final Logger log = LoggerFactory.getLogger(HandoffQueue.class);
    static final int MAX_TEXT = 2000;

    private final HandoffStore store;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final KnowledgeDrafts drafts;
    private final UserAccounts accounts;
    private final AccessLog accessLog;
    private final KnowledgeLookup knowledge;
    private final AgentPresence presence;

    @Autowired
    HandoffQueue(HandoffStore store, Conversations conversations, ApplicationEventPublisher events,
                 KnowledgeDrafts drafts, UserAccounts accounts, AccessLog accessLog, KnowledgeLookup knowledge, AgentPresence presence) {
        this(store, conversations, events, drafts, accounts, accessLog, knowledge, presence, Clock.systemUTC());
    }

    HandoffQueue(HandoffStore store, Conversations conversations, ApplicationEventPublisher events,
                 KnowledgeDrafts drafts, UserAccounts accounts, AccessLog accessLog, KnowledgeLookup knowledge, AgentPresence presence,
                 Clock clock) {
        this.knowledge = knowledge;
        this.presence = presence;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.drafts = drafts;
        this.store = store;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /** Open hand-offs, oldest first (questions kept overnight come first thing in the morning). */
    public List<Handoff> queue() {
        return store.open();
    }

    public List<Handoff> recentlyClosed() {
        return store.recentlyClosed(20);
    }

    /**
     * The conversation's hand-off (the open one, else the latest) and its whole transcript, with what
     * the citizen typed in clear while that is kept (see {@link Conversations#transcript}).
     */
    public Transcript transcript(String conversationId) {
        Handoff h = store.ofConversation(conversationId).orElseThrow(() -> new NotFound(conversationId));
        return new Transcript(h, conversations.transcript(conversationId));
    }

    /** {@link #transcript} as a staff member reads it in a view: the read is recorded in the access log. */
    public Transcript read(String conversationId, String staff, AccessLog.View view) {
        Transcript t = transcript(conversationId);
        accessLog.transcriptRead(staff, conversationId, view);
        return t;
    }

    /** A hand-off with every message of its conversation, oldest first. */
    public record Transcript(Handoff handoff, List<Message> messages) {
    }

    /** Takes a WAITING conversation; exactly one of several agents claiming at once succeeds. */
    @Transactional
    public Handoff claim(String conversationId, String agent) {
        Handoff h = open(conversationId);
        if (!store.claim(h.id(), agent, clock.instant())
                || !conversations.transition(conversationId, Set.of(Conversation.State.WAITING), Conversation.State.WITH_AGENT)) {
            Handoff now = store.ofConversation(conversationId).orElseThrow();
            throw new Conflict(now.state() == Handoff.State.WITH_AGENT ? "已被" + now.agent() + "接待" : "该对话已" + now.state().label());
        }
        log.info("hand-off {} (conversation {}) claimed by {}", h.id(), conversationId, agent);
        changed(conversationId, "claimed");
        return store.ofConversation(conversationId).orElseThrow();
    }

    /**
     * The agent's answer to the citizen, stored first and then delivered through the citizen's channel.
     * At most {@value #MAX_TEXT} characters as the citizen sees them (see {@link ReplyText}).
     */
    @Transactional
    public Message reply(String conversationId, String agent, String text) {
        String clean = ReplyText.normalise(text);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("回复内容不能为空");
        }
        int length = ReplyText.length(clean);
        if (length > MAX_TEXT) {
            throw new IllegalArgumentException("回复内容不能超过" + MAX_TEXT + "字，现在是" + length + "字");
        }
        Handoff h = mine(conversationId, agent);
        Message m = post(h, Sender.AGENT, Action.AGENT_REPLY, agent, clean);
        changed(conversationId, "replied");
        return m;
    }

    /** Gives the conversation back to the bot; the citizen is told they can ask it again. */
    @Transactional
    public Handoff handBack(String conversationId, String agent) {
        Handoff h = mine(conversationId, agent);
        end(h, Handoff.State.HANDED_BACK);
        post(h, Sender.BOT, Action.NOTICE, null, "工作人员已结束人工服务，您可以继续向智能助手提问。");
        changed(conversationId, "handed-back");
        return store.ofConversation(conversationId).orElseThrow();
    }

    /** Ends the hand-off as resolved; the citizen is asked to rate it. */
    @Transactional
    public Handoff resolve(String conversationId, String agent) {
        Handoff h = mine(conversationId, agent);
        end(h, Handoff.State.RESOLVED);
        post(h, Sender.BOT, Action.RESOLVED, null,
                "本次人工服务已结束，感谢您的耐心。请为本次服务评价：回复 1 满意，2 基本满意，3 不满意。");
        changed(conversationId, "resolved");
        return store.ofConversation(conversationId).orElseThrow();
    }

    /** The name staff know a colleague by ("赵坐席"), else the username. */
    public String displayName(String username) {
        return username == null ? "" : accounts.find(username).map(UserAccount::displayName).orElse(username);
    }

    /** Agents online now who could take a conversation from {@code agent} (everyone online but them). */
    public List<UserAccount> transferTargets(String agent) {
        return presence.online().stream().filter(u -> !u.username().equals(agent)).toList();
    }

    /** Passes a conversation the agent has to another agent who is online. */
    @Transactional
    public Handoff transfer(String conversationId, String agent, String toAgent) {
        if (toAgent == null || toAgent.isBlank() || toAgent.strip().equals(agent)) {
            throw new IllegalArgumentException("请选择另一位坐席");
        }
        Handoff h = mine(conversationId, agent);
        Optional<UserAccount> target = accounts.find(toAgent.strip()).filter(AgentPresence::mayTakeConversations);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("没有可接待的坐席：" + toAgent.strip());
        }
        if (!presence.online(target.get().username())) {
            throw new IllegalArgumentException(target.get().displayName() + "（" + target.get().username() + "）现在不在线（"
                    + presence.onlineWithinLabel() + "内没有使用坐席工作台），请选择在线的坐席");
        }
        if (!store.transfer(h.id(), agent, toAgent.strip())) {
            throw new Conflict("转接失败：对话状态已变化");
        }
        log.info("hand-off {} transferred from {} to {}", h.id(), agent, toAgent);
        changed(conversationId, "transferred");
        return store.ofConversation(conversationId).orElseThrow();
    }

    /**
     * What "save as knowledge" starts from: the citizen's question (the latest that led to the
     * hand-off, else the first they put to the agent), their other questions as similar questions,
     * the agent's answers as the answer, and the item a search for the question finds (or none). Knowledge
     * is for everyone: numbers and the names the citizen gave are masked throughout, the agent's
     * answer included.
     */
    public Proposal proposalFor(String conversationId) {
        Handoff h = store.ofConversation(conversationId).orElseThrow(() -> new NotFound(conversationId));
        List<Message> messages = conversations.messages(conversationId, 0);
        List<String> asked = new ArrayList<>(h.questionLines());
        Collections.reverse(asked); // the latest question first
        messages.stream()
                .filter(m -> m.sender() == Sender.CITIZEN && m.action() == Action.WITH_AGENT)
                .map(Message::text)
                .filter(t -> AskedQuestion.isQuestion(t) && !AskedQuestion.requestOnly(t))
                .forEach(asked::add);
        Set<String> names = namesGiven(messages);
        List<String> masked = asked.stream().map(t -> PersonalData.maskWithNames(t.strip(), names)).distinct().toList();
        String question = masked.isEmpty() ? "" : masked.get(0);
        String answer = PersonalData.maskWithNames(String.join("\n",
                messages.stream().filter(m -> m.sender() == Sender.AGENT).map(Message::text).toList()), names);
        String item = question.isEmpty() ? null : knowledge.items(question).stream().findFirst()
                .map(KnowledgeLookup.ItemChoice::itemId).orElse(null);
        return new Proposal(item, question, masked.stream().skip(1).limit(10).toList(), answer);
    }

    /** A Q&A an agent proposes from a hand-off. */
    public record Proposal(String itemId, String question, List<String> similarQuestions, String answer) {
    }

    /**
     * Saves an agent's answer as a draft Q&A for knowledge editors; returns the draft's id. Only once
     * the hand-off has ended. Whatever the agent (or an API caller) sends is masked again, numbers
     * and the names the citizen gave, before it is stored.
     */
    public long proposeKnowledge(String conversationId, String agent, Proposal p) {
        Handoff h = store.ofConversation(conversationId).orElseThrow(() -> new NotFound(conversationId));
        if (h.state() != Handoff.State.RESOLVED && h.state() != Handoff.State.HANDED_BACK) {
            throw new Conflict("对话结束后才能存为知识");
        }
        if (p.itemId() != null && !p.itemId().isBlank() && knowledge.item(p.itemId()).isEmpty()) {
            throw new IllegalArgumentException("没有这个事项：" + p.itemId().strip() + "，请从查到的事项中选择");
        }
        Set<String> names = namesGiven(conversations.messages(conversationId, 0));
        long id = drafts.propose(p.itemId(), PersonalData.maskWithNames(p.question(), names),
                p.similarQuestions() == null ? null : p.similarQuestions().stream().map(q -> PersonalData.maskWithNames(q, names)).toList(),
                PersonalData.maskWithNames(p.answer(), names), "HANDOFF", String.valueOf(h.id()), agent);
        log.info("hand-off {}: {} proposed draft Q&A {}", h.id(), agent, id);
        return id;
    }

    /** Items for the "save as knowledge" form's list: found for the query, best first. */
    public List<KnowledgeLookup.ItemChoice> itemsFor(String query) {
        return knowledge.items(query);
    }

    /** The names the citizen gave in the conversation ("我叫张三"), to be masked wherever they appear. */
    private static Set<String> namesGiven(List<Message> messages) {
        Set<String> names = new LinkedHashSet<>();
        messages.stream().filter(m -> m.sender() == Sender.CITIZEN).forEach(m -> names.addAll(PersonalData.namesIn(m.text())));
        return names;
    }

    private void end(Handoff h, Handoff.State to) {
        if (!store.close(h.id(), List.of(Handoff.State.WITH_AGENT), to, clock.instant())
                || !conversations.transition(h.conversationId(), Set.of(Conversation.State.WITH_AGENT), Conversation.State.BOT)) {
            throw new Conflict("对话状态已变化，请刷新");
        }
        log.info("hand-off {} {}", h.id(), to);
    }

    private Message post(Handoff h, Sender sender, Action action, String agent, String text) {
        boolean push = h.channel() == Channel.WECHAT;
        // the web page fetches it: delivered once it has (DeliveryEvents.PushSettled from the web chat)
        String delivery = push ? "PENDING" : h.channel() == Channel.WEB ? "UNREAD" : "SENT";
        long turnId = conversations.postToCitizen(h.conversationId(), sender, action, agent, text, delivery);
        if (push) {
            events.publishEvent(new PushRequested(turnId, h.conversationId(), h.channel(), h.userId(), text));
        }
        long id = Conversations.replyMessageId(turnId);
        return conversations.messages(h.conversationId(), id - 1).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private Handoff open(String conversationId) {
        Handoff h = store.ofConversation(conversationId).orElseThrow(() -> new NotFound(conversationId));
        if (!h.state().open()) {
            throw new Conflict("该对话已" + h.state().label());
        }
        return h;
    }

    private Handoff mine(String conversationId, String agent) {
        Handoff h = open(conversationId);
        if (h.state() == Handoff.State.WAITING) {
            throw new Conflict("请先接入该对话");
        }
        if (!agent.equals(h.agent())) {
            throw new Conflict("该对话由" + h.agent() + "接待");
        }
        return h;
    }

    private void changed(String conversationId, String what) {
        events.publishEvent(new QueueChanged(conversationId, what));
    }

    /** Something in the queue changed (for consoles to refresh). */
    public record QueueChanged(String conversationId, String what) {
    }

    /** No such hand-off. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public static class NotFound extends RuntimeException {
        NotFound(String conversationId) {
            super("没有这个转人工对话：" + conversationId);
        }
    }

    /** The hand-off is not in a state for this (claimed by another agent, already ended…). */
    public static class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }
}
