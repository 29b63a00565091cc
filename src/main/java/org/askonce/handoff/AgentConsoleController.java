package org.askonce.handoff;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.askonce.privacy.AccessLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent console (server-rendered, Chinese): the queue, one conversation with its transcript and
 * the reply box, and the actions on it. Forms post and redirect back with a message; the queue and
 * the conversation refresh themselves on server-sent events.
 */
@Controller
@RequestMapping("/console")
class AgentConsoleController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final HandoffQueue queue;
    private final ConsoleEvents events;
    private final HandoffSettings settings;
    private final KnowledgeLookup knowledge;

    AgentConsoleController(HandoffQueue queue, ConsoleEvents events, HandoffSettings settings, KnowledgeLookup knowledge) {
        this.knowledge = knowledge;
        this.queue = queue;
        this.events = events;
        this.settings = settings;
    }

    @GetMapping
    String queue(Model model, Principal agent) {
        model.addAttribute("open", queue.queue());
        model.addAttribute("closed", queue.recentlyClosed());
        model.addAttribute("me", agent.getName());
        model.addAttribute("view", this);
        return "console/queue";
    }

    /** The queue table alone, for the page to refresh in place. */
    @GetMapping("/queue-table")
    String queueTable(Model model, Principal agent) {
        queue(model, agent);
        return "console/queue :: table";
    }

    @GetMapping(path = "/events", produces = "text/event-stream")
    SseEmitter events() {
        return events.connect();
    }

    @GetMapping("/conversations/{id}")
    String conversation(@PathVariable String id, Model model, Principal agent) {
        HandoffQueue.Transcript t = queue.read(id, agent.getName(), AccessLog.View.AGENT_CONSOLE);
        model.addAttribute("h", t.handoff());
        model.addAttribute("messages", t.messages());
        model.addAttribute("me", agent.getName());
        model.addAttribute("view", this);
        model.addAttribute("maxReply", HandoffQueue.MAX_TEXT);
        if (t.handoff().state() == Handoff.State.WITH_AGENT && agent.getName().equals(t.handoff().agent())) {
            model.addAttribute("agents", queue.transferTargets(agent.getName()));
        }
        if (!model.containsAttribute("proposal") && (t.handoff().state() == Handoff.State.RESOLVED
                || t.handoff().state() == Handoff.State.HANDED_BACK)) {
            model.addAttribute("proposal", queue.proposalFor(id));
        }
        if (model.getAttribute("proposal") instanceof HandoffQueue.Proposal p) {
            model.addAttribute("itemChoices", itemChoices(p));
        }
        return "console/conversation";
    }

    @PostMapping("/conversations/{id}/claim")
    String claim(@PathVariable String id, Principal agent, RedirectAttributes flash) {
        return act(id, flash, "已接入", () -> queue.claim(id, agent.getName()));
    }

    @PostMapping("/conversations/{id}/reply")
    String reply(@PathVariable String id, @RequestParam(defaultValue = "") String text, Principal agent, RedirectAttributes flash) {
        String result = act(id, flash, "已发送", () -> queue.reply(id, agent.getName(), text));
        if (flash.getFlashAttributes().containsKey("error")) {
            flash.addFlashAttribute("draft", text); // nothing the agent wrote is lost
        }
        return result;
    }

    @PostMapping("/conversations/{id}/handback")
    String handBack(@PathVariable String id, Principal agent, RedirectAttributes flash) {
        return act(id, flash, "已交回智能助手", () -> queue.handBack(id, agent.getName()));
    }

    @PostMapping("/conversations/{id}/resolve")
    String resolve(@PathVariable String id, Principal agent, RedirectAttributes flash) {
        return act(id, flash, "已解决，已请市民评价", () -> queue.resolve(id, agent.getName()));
    }

    @PostMapping("/conversations/{id}/transfer")
    String transfer(@PathVariable String id, @RequestParam(defaultValue = "") String to, Principal agent, RedirectAttributes flash) {
        String result = act(id, flash, null, () -> {
            Handoff h = queue.transfer(id, agent.getName(), to.strip());
            flash.addFlashAttribute("message", "已转给" + queue.displayName(h.agent()));
        });
        return flash.getFlashAttributes().containsKey("error") ? result : "redirect:/console";
    }

    /**
     * The items the "save as knowledge" form offers: found by a search for the question, and the
     * one chosen before (a refused form keeps it) if the search did not find it.
     */
    private List<KnowledgeLookup.ItemChoice> itemChoices(HandoffQueue.Proposal p) {
        List<KnowledgeLookup.ItemChoice> choices = new ArrayList<>(queue.itemsFor(p.question()));
        if (p.itemId() != null && choices.stream().noneMatch(c -> c.itemId().equals(p.itemId()))) {
            knowledge.item(p.itemId()).ifPresent(c -> choices.add(0, c));
        }
        return choices;
    }

    @PostMapping("/conversations/{id}/knowledge")
    String propose(@PathVariable String id, @RequestParam(defaultValue = "") String question,
                   @RequestParam(defaultValue = "") String similar, @RequestParam(defaultValue = "") String answer,
                   @RequestParam(defaultValue = "") String itemId, Principal agent, RedirectAttributes flash) {
        HandoffQueue.Proposal p = new HandoffQueue.Proposal(itemId, question,
                Arrays.stream(similar.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList(), answer);
        String result = act(id, flash, null, () -> {
            long draft = queue.proposeKnowledge(id, agent.getName(), p);
            flash.addFlashAttribute("message", "已存为知识草稿（编号 " + draft + "），知识编辑审核发布后生效");
        });
        if (flash.getFlashAttributes().containsKey("error")) {
            flash.addFlashAttribute("proposal", p);
        }
        return result;
    }

    private String act(String id, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            if (done != null) {
                flash.addFlashAttribute("message", done);
            }
        } catch (HandoffQueue.Conflict | IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/conversations/" + id;
    }

    // --- formatting for the templates ---

    public String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(settings.zone()));
    }

    public String waited(Handoff h) {
        Instant until = h.claimedAt() != null ? h.claimedAt() : h.closedAt() != null ? h.closedAt() : Instant.now();
        long minutes = Duration.between(h.createdAt(), until).toMinutes();
        return minutes < 1 ? "不到1分钟" : minutes < 60 ? minutes + "分钟" : (minutes / 60) + "小时" + (minutes % 60) + "分钟";
    }

    public String percent(double score) {
        return Math.round(score * 100) + "%";
    }

    public String deliveryLabel(String delivery) {
        if (delivery == null) {
            return "";
        }
        return switch (delivery) {
            case "SENT" -> "已送达";
            case "PENDING" -> "发送中";
            case "UNREAD" -> "待查看";
            case "OUTSIDE_WINDOW" -> "未送达：市民超过48小时未互动，请电话联系";
            case "QUOTA_EXCEEDED" -> "未送达：客服消息额度已用完";
            case "FAILED" -> "未送达";
            default -> delivery;
        };
    }
}
