package org.askonce.knowledge.editing;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Q&A agents proposed from hand-offs ({@link KnowledgeDrafts}), listed in the editor console: an
 * editor adopts one (as they may have changed it) as a FAQ draft of an item, or rejects it with a reason.
 */
@Controller
@RequestMapping("/editor")
class ProposalController {

    private final KnowledgeDrafts drafts;

    ProposalController(KnowledgeDrafts drafts) {
        this.drafts = drafts;
    }

    /** The form of a proposal as the editor sent it, shown again when it was refused. */
    record ProposalForm(long id, String itemId, String question, String similar, String answer) {
    }

    /** Adopts an agent's proposal, as the editor may have changed it: a new FAQ of the item, as a draft to be published. */
    @PostMapping("/proposals/{id}/adopt")
    String adopt(@PathVariable long id, @RequestParam(defaultValue = "") String itemId, @RequestParam(defaultValue = "") String question,
                 @RequestParam(defaultValue = "") String similar, @RequestParam(defaultValue = "") String answer, Principal user,
                 RedirectAttributes flash) {
        try {
            ItemVersion draft = drafts.adopt(id, itemId.strip(), question, List.of(similar.split("\\R")), answer, user.getName());
            flash.addFlashAttribute("message", "已采纳：“" + question.strip() + "”已加入事项“" + draft.item().name() + "”的第"
                    + draft.version() + "版草稿，在“待发布”中等待审核发布");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "未能采纳：" + e.getMessage());
            flash.addFlashAttribute("proposalForm", new ProposalForm(id, itemId, question, similar, answer));
        }
        return "redirect:/editor#proposals";
    }

    @PostMapping("/proposals/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal user, RedirectAttributes flash) {
        try {
            FaqProposal p = drafts.reject(id, reason, user.getName());
            flash.addFlashAttribute("message", "已标为不采纳：“" + p.question() + "”");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "未能处理：" + e.getMessage());
        }
        return "redirect:/editor#proposals";
    }
}
