package org.askonce.retrieval;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/explain?q=…}: why a question matches what it matches, for knowledge editors. */
@RestController
@Validated
class ExplainController {

    private final Retriever retriever;

    ExplainController(Retriever retriever) {
        this.retriever = retriever;
    }

    @GetMapping("/api/explain")
    Explanation explain(@RequestParam("q") @NotBlank(message = "q must not be blank") @Size(max = 500, message = "q must be at most 500 characters") String q,
                        @RequestParam(name = "top", defaultValue = "5") @Min(1) @Max(50) int top) {
        return retriever.explain(q, top);
    }
}
