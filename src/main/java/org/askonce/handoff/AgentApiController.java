package org.askonce.handoff;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.askonce.dialogue.Message;
import org.askonce.privacy.AccessLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent API: the same queue and operations as the agent console, for a hotline or call-centre
 * system (12345) working the queue. Authenticated as an agent (HTTP Basic or the console's session);
 * the caller's account is the agent. Errors are JSON {@code {"error": "…"}}: 400 bad input, 404 no
 * such hand-off, 409 not possible in its state (claimed by someone else, already ended…).
 */
@RestController
@RequestMapping(path = "/api/agent", produces = MediaType.APPLICATION_JSON_VALUE)
class AgentApiController {

    private final HandoffQueue queue;
    private final KnowledgeLookup knowledge;

    AgentApiController(HandoffQueue queue, KnowledgeLookup knowledge) {
        this.queue = queue;
        this.knowledge = knowledge;
    }

    /** Open hand-offs, oldest first: waiting ones to claim, and those agents are working on. */
    @GetMapping("/queue")
    List<QueueEntry> queue() {
        Instant now = Instant.now();
        return queue.queue().stream().map(h -> QueueEntry.of(h, now)).toList();
    }

    /** The hand-off and its transcript (what the citizen typed in clear while that is kept); the read is recorded. */
    @GetMapping("/conversations/{id}")
    ConversationView conversation(@PathVariable String id, Principal agent) {
        HandoffQueue.Transcript t = queue.read(id, agent.getName(), AccessLog.View.AGENT_API);
        return new ConversationView(QueueEntry.of(t.handoff(), Instant.now()), t.messages().stream().map(MessageView::of).toList());
    }

    @PostMapping("/conversations/{id}/claim")
    QueueEntry claim(@PathVariable String id, Principal agent) {
        return QueueEntry.of(queue.claim(id, agent.getName()), Instant.now());
    }

    @PostMapping(path = "/conversations/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageView> reply(@PathVariable String id, @RequestBody TextBody body, Principal agent) {
        return ResponseEntity.status(HttpStatus.CREATED).body(MessageView.of(queue.reply(id, agent.getName(), body == null ? null : body.text())));
    }

    @PostMapping("/conversations/{id}/handback")
    QueueEntry handBack(@PathVariable String id, Principal agent) {
        return QueueEntry.of(queue.handBack(id, agent.getName()), Instant.now());
    }

    @PostMapping("/conversations/{id}/resolve")
    QueueEntry resolve(@PathVariable String id, Principal agent) {
        return QueueEntry.of(queue.resolve(id, agent.getName()), Instant.now());
    }

    @PostMapping(path = "/conversations/{id}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    QueueEntry transfer(@PathVariable String id, @RequestBody TransferBody body, Principal agent) {
        return QueueEntry.of(queue.transfer(id, agent.getName(), body == null ? null : body.to()), Instant.now());
    }

    /** The draft "save as knowledge" starts from. */
    @GetMapping("/conversations/{id}/knowledge")
    HandoffQueue.Proposal proposal(@PathVariable String id) {
        return queue.proposalFor(id);
    }

    /** Saves a Q&A from an ended hand-off as a draft for knowledge editors. */
    @PostMapping(path = "/conversations/{id}/knowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> propose(@PathVariable String id, @RequestBody HandoffQueue.Proposal body, Principal agent) {
        if (body == null) {
            throw new IllegalArgumentException("请求内容不能为空");
        }
        long draft = queue.proposeKnowledge(id, agent.getName(), body);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("draftId", draft, "status", "PROPOSED"));
    }

    /** The agents online now whom the caller could transfer a conversation to (username and name). */
    @GetMapping("/agents")
    List<AgentView> agents(Principal agent) {
        return queue.transferTargets(agent.getName()).stream().map(u -> new AgentView(u.username(), u.displayName())).toList();
    }

    /** Items to file a "save as knowledge" draft under, found for a query (id and name), best first. */
    @GetMapping("/items")
    List<KnowledgeLookup.ItemChoice> items(@RequestParam String q) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("请输入要查的事项");
        }
        if (q.length() > 100) {
            throw new IllegalArgumentException("查询不能超过100字");
        }
        return queue.itemsFor(q);
    }

    /** Knowledge-base items for a query, with the text of each element, to insert into a reply. */
    @GetMapping("/knowledge")
    List<KnowledgeLookup.ItemElements> knowledge(@RequestParam String q) {
        return knowledge.find(q);
    }

    @ExceptionHandler(HandoffQueue.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(HandoffQueue.NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HandoffQueue.Conflict.class)
    ResponseEntity<Map<String, String>> conflict(HandoffQueue.Conflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    record TextBody(String text) {
    }

    record TransferBody(String to) {
    }

    /** An agent one can transfer to. */
    record AgentView(String username, String displayName) {
    }

    /** One hand-off in the queue. */
    record QueueEntry(String conversationId, long handoffId, String state, String channel, String userId, String reason,
                      String question, List<Candidate> candidates, Instant createdAt, long waitingSeconds, String agent,
                      boolean afterHours, Instant answerDue, boolean unreachable, String contactPhone, Integer rating) {

        static QueueEntry of(Handoff h, Instant now) {
            Instant until = h.claimedAt() != null ? h.claimedAt() : h.closedAt() != null ? h.closedAt() : now;
            return new QueueEntry(h.conversationId(), h.id(), h.state().name(), h.channel().name(), h.userId(), h.reason().name(),
                    h.question(), h.candidates().stream().map(c -> new Candidate(c.title(), c.itemId(), c.faqId(),
                    Math.round(c.score() * 1000) / 1000.0)).toList(), h.createdAt(),
                    Math.max(0, Duration.between(h.createdAt(), until).toSeconds()), h.agent(), h.afterHours(), h.answerDue(),
                    h.unreachable(), h.contactPhone(), h.rating());
        }
    }

    record Candidate(String title, String itemId, String faqId, double score) {
    }

    record ConversationView(QueueEntry handoff, List<MessageView> messages) {
    }

    /** One message: sender CITIZEN, BOT or AGENT; delivery where a pushed message stands. */
    record MessageView(long id, String sender, String text, Instant time, String agent, String delivery, String deliveryDetail) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.sender().name(), m.text(), m.at(), m.agent(), m.delivery(), m.deliveryDetail());
        }
    }
}
