package org.askonce.handoff;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversation;
import org.askonce.dialogue.ConversationEvents.CitizenWroteToAgent;
import org.askonce.dialogue.ConversationEvents.ConversationRated;
import org.askonce.dialogue.ConversationEvents.HandoffCancelled;
import org.askonce.dialogue.DeliveryEvents.PushRequested;
import org.askonce.dialogue.DeliveryEvents.PushSettled;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.dialogue.Message;
import org.askonce.dialogue.Sender;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccount;
import org.askonce.accounts.UserAccounts;
import org.askonce.knowledge.KnowledgeDrafts;
import org.askonce.privacy.AccessLog;
import org.askonce.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human queue: every conversation the bot handed over, from WAITING through WITH_AGENT to its
 * end, for the agent console and the agent API alike. A conversation's state and its hand-off
 * change together, by conditional updates, so two agents cannot claim one conversation and a
 * citizen's cancel cannot cross an agent's claim. Agents' messages reach the citizen through their
 * channel (a WeChat push is published as {@link PushRequested}); each keeps its delivery state. A web
 * citizen's message waits as UNREAD (待查看) until their chat page fetches it, which the web chat
 * settles as SENT (已送达).
 */
@Service
public class HandoffQueue {

    private static final Logger log = LoggerFactory.getLogger(HandoffQueue.class);
    static final int MAX_TEXT = 2000;

    private final HandoffStore store;
    private final DialogueEngine dialogue;
    private final AgentCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final KnowledgeDrafts drafts;
    private final UserAccounts accounts;
    private final AccessLog accessLog;

    @Autowired
    HandoffQueue(HandoffStore store, DialogueEngine dialogue, AgentCalendar calendar, ApplicationEventPublisher events,
                 KnowledgeDrafts drafts, UserAccounts accounts, AccessLog accessLog) {
        this(store, dialogue, calendar, events, drafts, accounts, accessLog, Clock.systemUTC());
    }

    HandoffQueue(HandoffStore store, DialogueEngine dialogue, AgentCalendar calendar, ApplicationEventPublisher events,
                 KnowledgeDrafts drafts, UserAccounts accounts, AccessLog accessLog, Clock clock) {
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.drafts = drafts;
        this.store = store;
        this.dialogue = dialogue;
        this.calendar = calendar;
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
     * the citizen typed in clear while that is kept (see {@link DialogueEngine#transcript}).
     */
    public Transcript transcript(String conversationId) {
        Handoff h = store.ofConversation(conversationId).orElseThrow(() -> new NotFound(conversationId));
        return new Transcript(h, dialogue.transcript(conversationId));
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
                || !dialogue.transition(conversationId, Set.of(Conversation.State.WAITING), Conversation.State.WITH_AGENT)) {
            Handoff now = store.ofConversation(conversationId).orElseThrow();
            throw new Conflict(now.state() == Handoff.State.WITH_AGENT ? "已被" + now.agent() + "接待" : "该对话已" + now.state().label());
        }
        log.info("hand-off {} (conversation {}) claimed by {}", h.id(), conversationId, agent);
        changed(conversationId, "claimed");
        return store.ofConversation(conversationId).orElseThrow();
    }

    /** The agent's answer to the citizen, stored first and then delivered through the citizen's channel. */
    @Transactional
    public Message reply(String conversationId, String agent, String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("回复内容不能为空");
        }
        if (clean.length() > MAX_TEXT) {
            throw new IllegalArgumentException("回复内容不能超过" + MAX_TEXT + "字，现在是" + clean.length() + "字");
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

    /** Passes a conversation the agent has to another agent. */
    @Transactional
    public Handoff transfer(String conversationId, String agent, String toAgent) {
        if (toAgent == null || toAgent.isBlank() || toAgent.equals(agent)) {
            throw new IllegalArgumentException("请选择另一位坐席");
        }
        Handoff h = mine(conversationId, agent);
        boolean canTake = accounts.find(toAgent.strip()).filter(UserAccount::enabled)
                .filter(u -> u.role() == Role.AGENT || u.role() == Role.ADMIN).isPresent();
        if (!canTake) {
            throw new IllegalArgumentException("没有可接待的坐席：" + toAgent.strip());
        }
        if (!store.transfer(h.id(), agent, toAgent.strip())) {
            throw new Conflict("转接失败：对话状态已变化");
        }
        log.info("hand-off {} transferred from {} to {}", h.id(), agent, toAgent);
        changed(conversationId, "transferred");
        return store.ofConversation(conversationId).orElseThrow();
    }

    /**
     * What "save as knowledge" starts from: the citizen's first question as the question, their
     * other messages as similar questions, the agent's answers as the answer, the bot's best item.
     */
    public Proposal proposalFor(String conversationId) {
        // knowledge is for everyone: the citizen's words masked
        Handoff h = store.ofConversation(conversationId).orElseThrow(() -> new NotFound(conversationId));
        Transcript t = new Transcript(h, dialogue.messages(conversationId, 0));
        // what the citizen wrote to people; "转人工" itself is no question, what follows it is
        List<String> asked = t.messages().stream()
                .filter(m -> m.sender() == Sender.CITIZEN && m.action() == Action.WITH_AGENT && !m.text().isBlank())
                .map(Message::text).toList();
        boolean askedForPerson = t.handoff().reason() == HandoffRequested.Reason.CITIZEN_ASKED && !asked.isEmpty();
        String question = askedForPerson ? asked.get(0) : t.handoff().question();
        List<String> similar = askedForPerson ? asked.subList(1, asked.size()) : asked;
        String answer = String.join("\n", t.messages().stream().filter(m -> m.sender() == Sender.AGENT).map(Message::text).toList());
        String item = t.handoff().candidates().stream().filter(c -> c.itemId() != null).map(HandoffRequested.Suggestion::itemId)
                .findFirst().orElse(null);
        return new Proposal(item, question, similar.stream().filter(x -> !x.equals(question)).limit(10).toList(), answer);
    }

    /** A Q&A an agent proposes from a hand-off. */
    public record Proposal(String itemId, String question, List<String> similarQuestions, String answer) {
    }

    /** Saves an agent's answer as a draft Q&A for knowledge editors; returns the draft's id. Only once the hand-off has ended. */
    public long proposeKnowledge(String conversationId, String agent, Proposal p) {
        Handoff h = store.ofConversation(conversationId).orElseThrow(() -> new NotFound(conversationId));
        if (h.state() != Handoff.State.RESOLVED && h.state() != Handoff.State.HANDED_BACK) {
            throw new Conflict("对话结束后才能存为知识");
        }
        // the question and similar questions are a citizen's words (an API caller may send them unmasked); the answer is the agent's
        long id = drafts.propose(p.itemId(), PersonalData.mask(p.question()),
                p.similarQuestions() == null ? null : p.similarQuestions().stream().map(PersonalData::mask).toList(),
                p.answer(), "HANDOFF", String.valueOf(h.id()), agent);
        log.info("hand-off {}: {} proposed draft Q&A {}", h.id(), agent, id);
        return id;
    }

    private void end(Handoff h, Handoff.State to) {
        if (!store.close(h.id(), List.of(Handoff.State.WITH_AGENT), to, clock.instant())
                || !dialogue.transition(h.conversationId(), Set.of(Conversation.State.WITH_AGENT), Conversation.State.BOT)) {
            throw new Conflict("对话状态已变化，请刷新");
        }
        log.info("hand-off {} {}", h.id(), to);
    }

    private Message post(Handoff h, Sender sender, Action action, String agent, String text) {
        boolean push = h.channel() == Channel.WECHAT;
        // the web page fetches it: delivered once it has (DeliveryEvents.PushSettled from the web chat)
        String delivery = push ? "PENDING" : h.channel() == Channel.WEB ? "UNREAD" : "SENT";
        long turnId = dialogue.postToCitizen(h.conversationId(), sender, action, agent, text, delivery);
        if (push) {
            events.publishEvent(new PushRequested(turnId, h.conversationId(), h.channel(), h.userId(), text));
        }
        long id = DialogueEngine.replyMessageId(turnId);
        return dialogue.messages(h.conversationId(), id - 1).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
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

    // --- what happens in conversations ---

    @EventListener
    void on(HandoffRequested r) {
        Optional<ZonedDateTime> opening = calendar.nextOpening(r.at());
        OptionalLong opened = store.open(r, opening.isPresent(), opening.map(ZonedDateTime::toInstant).orElse(null));
        if (opened.isEmpty()) {
            // a second request of the same moment ("转人工" and "人工" at once): the first one's hand-off stands
            log.info("conversation {} already has an open hand-off; not opening another ({})", r.conversationId(), r.reason());
            store.ofConversation(r.conversationId()).filter(h -> h.state().open())
                    .ifPresent(h -> phoneIn(r.question()).ifPresent(p -> store.contactPhone(h.id(), p)));
            return;
        }
        long id = opened.getAsLong();
        phoneIn(r.question()).ifPresent(p -> store.contactPhone(id, p));
        log.info("hand-off {} opened for conversation {} ({}, {}){}", id, r.conversationId(), r.channel(), r.reason(),
                opening.map(o -> ", after hours until " + o).orElse(""));
        changed(r.conversationId(), "opened");
    }

    @EventListener
    void on(CitizenWroteToAgent w) {
        store.ofConversation(w.conversationId()).filter(h -> h.state().open()).ifPresent(h ->
                phoneIn(w.text()).ifPresent(p -> store.contactPhone(h.id(), p)));
        changed(w.conversationId(), "citizen");
    }

    @EventListener
    void on(HandoffCancelled c) {
        store.ofConversation(c.conversationId()).filter(h -> h.state() == Handoff.State.WAITING)
                .ifPresent(h -> store.close(h.id(), List.of(Handoff.State.WAITING), Handoff.State.CANCELLED, c.at()));
        changed(c.conversationId(), "cancelled");
    }

    @EventListener
    void on(ConversationRated r) {
        if (r.handoff()) {
            store.rate(r.conversationId(), r.rating());
        }
    }

    /** The message's delivery state and the hand-off's "unreachable" mark change together. */
    @EventListener
    @Transactional
    void on(PushSettled s) {
        dialogue.setDelivery(s.turnId(), s.state(), s.detail());
        if (s.unreachable()) {
            store.unreachable(s.conversationId());
        }
        if (s.conversationId() != null && !"PENDING".equals(s.state())) {
            changed(s.conversationId(), "delivery"); // the agent's transcript shows 已送达 / 未送达 at once
        }
    }

    /** A mobile or landline number the citizen left, so that an agent can call when WeChat cannot reach them. */
    static Optional<String> phoneIn(String text) {
        return PersonalData.phoneIn(text);
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
