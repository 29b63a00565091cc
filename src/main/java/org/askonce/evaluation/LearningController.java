package org.askonce.evaluation;

import java.security.Principal;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /editor/learning}: the "not yet answered" list and turning a group into knowledge. */
@Controller
class LearningController {

    private final LearningLoop loop;

    LearningController(LearningLoop loop) {
        this.loop = loop;
    }

    @GetMapping("/editor/learning")
    String groups(@RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("days", days);
        try {
            model.addAttribute("groups", loop.groups(days));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "editor/learning";
    }

    @PostMapping("/editor/learning/faq")
    String newFaq(@RequestParam String itemId, @RequestParam String question, @RequestParam(defaultValue = "") String similar,
                  @RequestParam String answer, Principal user, RedirectAttributes flash) {
        try {
            var v = loop.draftFaq(itemId.strip(), question, Arrays.asList(similar.split("\n")), answer, user.getName());
            flash.addFlashAttribute("message", "已存为事项 " + v.itemId() + " 的第" + v.version() + "版草稿，在“待发布”中等待审核发布");
            return "redirect:/editor/items/" + v.itemId();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/editor/learning";
        }
    }

    @PostMapping("/editor/learning/similar")
    String similar(@RequestParam String faqId, @RequestParam(defaultValue = "") String similar, Principal user,
                   RedirectAttributes flash) {
        try {
            var v = loop.draftSimilar(faqId.strip(), Arrays.asList(similar.split("\n")), user.getName());
            flash.addFlashAttribute("message", "已存为事项 " + v.itemId() + " 的第" + v.version() + "版草稿，在“待发布”中等待审核发布");
            return "redirect:/editor/items/" + v.itemId();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/editor/learning";
        }
    }
}
