package org.askonce.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.NlpSettings;
import org.askonce.retrieval.RetrievalSettings;

/**
 * {@code java -jar target/askonce.jar eval [--knowledge-base=DIR] [--training=DIR] [--report=FILE]}:
 * evaluates every {@code training/eval/*.tsv} set, prints the report and writes it to
 * {@code training/eval-report.md} (or {@code --report}). Runs in memory; touches no database.
 */
public final class EvaluationCommand {

    private EvaluationCommand() {
    }

    public static int run(String[] args) {
        Path kbDir = Path.of("knowledge-base");
        Path training = Path.of("training");
        Path reportFile = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--knowledge-base=")) {
                kbDir = Path.of(a.substring("--knowledge-base=".length()));
            } else if (a.startsWith("--training=")) {
                training = Path.of(a.substring("--training=".length()));
            } else if (a.startsWith("--report=")) {
                reportFile = Path.of(a.substring("--report=".length()));
            } else {
                System.err.println("Unknown argument '" + a + "'. Usage: eval [--knowledge-base=DIR] [--training=DIR] [--report=FILE]");
                return 2;
            }
        }
        if (reportFile == null) {
            reportFile = training.resolve("eval-report.md");
        }
        String report = report(kbDir, training);
        System.out.println(report);
        try {
            Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Report written to " + reportFile);
        return 0;
    }

    /** Evaluates every eval set in {@code training/eval} and returns the Markdown report. */
    public static String report(Path kbDir, Path training) {
        long start = System.nanoTime();
        KnowledgeSnapshot kb = KnowledgeFolder.read(kbDir);
        Evaluation evaluation = new Evaluation(kb, NlpSettings.defaults(training), RetrievalSettings.defaults());
        Map<String, Report[]> bySet = new LinkedHashMap<>();
        List<Path> sets;
        try (Stream<Path> files = Files.list(training.resolve("eval"))) {
            sets = files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<EvalRow> all = new java.util.ArrayList<>();
        for (Path set : sets) {
            List<EvalRow> rows = evaluation.read(set);
            all.addAll(rows);
            bySet.put(set.getFileName().toString(), new Report[] {evaluation.run(rows), evaluation.runBaseline(rows)});
        }
        bySet.put("all", new Report[] {evaluation.run(all), evaluation.runBaseline(all)});
        return "# AskOnce evaluation report\n\nKnowledge base: " + kb.itemCount() + " items, " + kb.faqCount() + " FAQs. Eval sets: "
                + sets.stream().map(p -> p.getFileName().toString()).toList() + ". Thresholds: answer "
                + RetrievalSettings.defaults().answerThreshold() + ", suggest " + RetrievalSettings.defaults().suggestThreshold()
                + ". Generated " + LocalDate.now() + " by `java -jar target/askonce.jar eval` in "
                + (System.nanoTime() - start) / 1_000_000 + " ms.\n\n"
                + "Definitions: *top-1 item* — in-domain rows where the first item the bot offered (the answered item, or the first option "
                + "of a menu) is the expected one; *item+element* — answered with the expected item and element; *answer rate* — in-domain "
                + "rows answered outright; *safe rate* — all rows where the bot gave the right answer, a menu containing the right item, or a "
                + "hand-off (out-of-domain: anything but an answer); *confident-wrong* — rows answered with a wrong item (out-of-domain: "
                + "answered at all). The baseline answers every question with its top hit and has no follow-up context.\n\n"
                + Evaluation.markdown(bySet, 60);
    }
}
