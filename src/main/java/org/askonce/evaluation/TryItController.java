package org.askonce.evaluation;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /editor/try}: the "try it" page for knowledge editors ({@code lexicon=draft}: against the lexicon's draft). */
@Controller
class TryItController {

    private final TryIt tryIt;

    TryItController(TryIt tryIt) {
        this.tryIt = tryIt;
    }

    @GetMapping("/editor/try")
    String tryIt(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String item,
                 @RequestParam(required = false) Integer version, @RequestParam(required = false) String lexicon, Model model) {
        boolean draftLexicon = "draft".equals(lexicon);
        model.addAttribute("q", q);
        model.addAttribute("item", item);
        model.addAttribute("version", version);
        model.addAttribute("draftLexicon", draftLexicon);
        if (!q.isBlank()) {
            try {
                List<TryIt.Result> results = draftLexicon ? tryIt.tryDraftLexicon(q) : tryIt.tryQuestion(q, item, version);
                model.addAttribute("results", results);
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "editor/try";
    }
}
