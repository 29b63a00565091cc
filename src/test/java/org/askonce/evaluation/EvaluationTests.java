package org.askonce.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.nlp.NlpSettings;
import org.askonce.retrieval.RetrievalSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accuracy gate: over every eval set in training/eval, top-1 item accuracy must be at least
 * 93% and out-of-domain questions answered as if in domain at most 3%.
 */
class EvaluationTests {

    private static Report report;
    private static Report baseline;

    @BeforeAll
    static void evaluate() throws IOException {
        Evaluation evaluation = new Evaluation(KnowledgeFolder.read(Path.of("knowledge-base")),
                EvaluationCommand.models(Path.of("knowledge-base"), NlpSettings.defaults(Path.of("training")), RetrievalSettings.defaults()));
        List<EvalRow> rows = new ArrayList<>();
        try (Stream<Path> sets = Files.list(Path.of("training/eval"))) {
            for (Path set : sets.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                rows.addAll(evaluation.read(set));
            }
        }
        report = evaluation.run(rows);
        baseline = evaluation.runBaseline(rows);
        System.out.printf("Evaluation over %d rows: top-1 %.1f%%, item+element %.1f%%, answer rate %.1f%%, safe %.1f%%, "
                        + "confident-wrong OOD %.1f%% (baseline top-1 %.1f%%, confident-wrong OOD %.1f%%)%n", report.rows(),
                100 * report.top1(), 100 * report.itemElement(), 100 * report.answerRate(), 100 * report.safeRate(),
                100 * report.confidentWrongOutOfDomain(), 100 * baseline.top1(), 100 * baseline.confidentWrongOutOfDomain());
    }

    @Test
    void evalSetsAreLargeEnoughAndIncludeOutOfDomainQuestions() {
        assertThat(report.rows()).isGreaterThanOrEqualTo(400);
        assertThat(report.outOfDomainRows()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void topOneItemAccuracyIsAtLeast93Percent() {
        assertThat(report.top1()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void outOfDomainQuestionsAreAlmostNeverAnsweredConfidently() {
        assertThat(report.confidentWrongOutOfDomain()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void beatsThePlainLuceneBaseline() {
        assertThat(report.top1()).isGreaterThan(baseline.top1());
        assertThat(report.confidentWrongOutOfDomain()).isLessThan(baseline.confidentWrongOutOfDomain());
    }
}
