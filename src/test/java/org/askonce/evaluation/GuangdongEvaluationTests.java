package org.askonce.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.askonce.nlp.NlpSettings;
import org.askonce.retrieval.RetrievalSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate on a catalogue nobody on the project wrote: the real Guangdong catalogue imported alone,
 * on its held-out sets ({@code training/guangdong/*.tsv}, never tuned on). The issue's targets on the
 * everyday tiers (colloquial, situational, voice): top-1 ≥ 60 % and safe ≥ 75 % — not met yet (46.6 %
 * and 65.3 % in the current report), gated at the level reached to catch a regression; and
 * out-of-domain rows answered ≤ 5 % — met, gated.
 */
class GuangdongEvaluationTests {

    private static Report everyday;
    private static Report all;

    @BeforeAll
    static void evaluate() {
        Path folder = Path.of("training/guangdong");
        Evaluation evaluation = EvaluationCommand.guangdongEvaluation(folder, NlpSettings.defaults(Path.of("training")),
                RetrievalSettings.defaults());
        List<EvalRow> rows = new ArrayList<>();
        rows.addAll(evaluation.read(folder.resolve("eval.tsv")));
        rows.addAll(evaluation.read(folder.resolve("situations.tsv")));
        all = evaluation.run(rows);
        everyday = all.only(EvaluationCommand.EVERYDAY);
        System.out.printf("Guangdong held-out: everyday tiers %d rows, top-1 %.1f%%, safe %.1f%%; out-of-domain %d rows, answered %.1f%%%n",
                everyday.rows(), 100 * everyday.top1(), 100 * everyday.safeRate(), all.outOfDomainRows(),
                100 * all.confidentWrongOutOfDomain());
    }

    @Test
    void theEverydayTiersAreThereInNumbers() {
        assertThat(everyday.rows()).isGreaterThanOrEqualTo(200);
        assertThat(all.outOfDomainRows()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void everydayQuestionsDoNotFallBelowTheLevelReached() {
        assertThat(everyday.top1()).isGreaterThanOrEqualTo(0.44); // target 0.60, not reached (README)
        assertThat(everyday.safeRate()).isGreaterThanOrEqualTo(0.62); // target 0.75, not reached (README)
    }

    @Test
    void outOfDomainQuestionsAreAlmostNeverAnswered() {
        assertThat(all.confidentWrongOutOfDomain()).isLessThanOrEqualTo(0.05);
    }
}
