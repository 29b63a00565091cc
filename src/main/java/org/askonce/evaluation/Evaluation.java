package org.askonce.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.DialogueSettings;
import org.askonce.dialogue.InMemoryConversationStore;
import org.askonce.dialogue.Reply;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.NlpSettings;
import org.askonce.nlp.TextPipeline;
import org.askonce.retrieval.RetrievalSettings;
import org.askonce.retrieval.Retriever;

/**
 * Runs eval rows through the whole answer engine (each row in a fresh conversation, its context
 * questions first) and through the baseline, in the same process.
 */
public final class Evaluation {

    private final KnowledgeSnapshot kb;
    private final TextPipeline pipeline;
    private final InMemoryConversationStore store = new InMemoryConversationStore(false);
    private final DialogueEngine engine;
    private final Baseline baseline;

    private final DialogueSettings dialogue;

    public Evaluation(KnowledgeSnapshot kb, NlpSettings nlp, RetrievalSettings retrieval) {
        this(kb, nlp, retrieval, DialogueSettings.defaults());
    }

    /** An evaluation for another area than the default's (its name and places, {@link DialogueSettings#forRegion}). */
    public Evaluation(KnowledgeSnapshot kb, NlpSettings nlp, RetrievalSettings retrieval, DialogueSettings dialogue) {
        this(kb, TextPipeline.create(kb, nlp), retrieval, new Baseline(kb), dialogue);
    }

    private Evaluation(KnowledgeSnapshot kb, TextPipeline pipeline, RetrievalSettings retrieval, Baseline baseline, DialogueSettings dialogue) {
        this.kb = kb;
        this.pipeline = pipeline;
        this.dialogue = dialogue;
        Retriever retriever = Retriever.create(kb, pipeline, retrieval);
        this.engine = DialogueEngine.create(KnowledgeBase.of(kb), pipeline, retriever, store, dialogue);
        this.baseline = baseline;
    }

    /** The same knowledge and pipeline with other retrieval thresholds (for calibration). */
    public Evaluation withRetrieval(RetrievalSettings retrieval) {
        return new Evaluation(kb, pipeline, retrieval, baseline, dialogue);
    }

    public KnowledgeSnapshot knowledge() {
        return kb;
    }

    public List<EvalRow> read(Path file) {
        return EvalRow.read(file, kb);
    }

    public Report run(List<EvalRow> rows) {
        store.clear(); // every run starts with no conversations
        List<Outcome> outcomes = new ArrayList<>();
        int n = 0;
        for (EvalRow row : rows) {
            String user = "eval-" + row.set() + "-" + row.line() + "-" + (n++);
            for (String earlier : row.context()) {
                engine.handle(Channel.WEB, user, earlier);
            }
            Reply r = engine.handle(Channel.WEB, user, row.question());
            outcomes.add(new Outcome(row, r.action(), r.itemName(), r.element(), r.options(), r.confidence(), r.faqId() != null));
        }
        return new Report("AskOnce", outcomes);
    }

    public Report runBaseline(List<EvalRow> rows) {
        return new Report("Baseline (SmartChineseAnalyzer BM25)", rows.stream().map(baseline::run).toList());
    }

    /** The report as Markdown: summary, per element, per kind, the misses. */
    public static String markdown(Map<String, Report[]> bySet, int maxMisses) {
        StringBuilder sb = new StringBuilder();
        sb.append("| set / system | rows | top-1 item | item+element | answer rate | safe rate | confident-wrong (out-of-domain) | confident-wrong (in-domain) |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        bySet.forEach((set, reports) -> {
            sb.append(reports[0].summaryRow(set + " — AskOnce")).append('\n');
            sb.append(reports[1].summaryRow(set + " — baseline")).append('\n');
        });
        bySet.forEach((set, reports) -> {
            Report r = reports[0];
            sb.append("\n### ").append(set).append(": per element (AskOnce)\n\n| element | rows | top-1 item | item+element |\n|---|---|---|---|\n");
            r.perElement().forEach((e, f) -> sb.append(String.format("| %s | %d | %.1f%% | %.1f%% |%n", e, (int) f[0], 100 * f[1], 100 * f[2])));
            sb.append("\n### ").append(set).append(": per kind (AskOnce)\n\n| kind | rows | right item (ood: not answered) | safe |\n|---|---|---|---|\n");
            r.perKind().forEach((k, f) -> sb.append(String.format("| %s | %d | %.1f%% | %.1f%% |%n", k, (int) f[0], 100 * f[1], 100 * f[2])));
            List<Outcome> misses = r.misses();
            sb.append("\n### ").append(set).append(": misses (").append(misses.size()).append(")\n\n");
            sb.append("| line | kind | question | expected | got |\n|---|---|---|---|---|\n");
            misses.stream().limit(maxMisses).forEach(o -> sb.append(String.format("| %d | %s | %s%s | %s | %s %s%s |%n", o.row().line(),
                    o.row().kind(), o.row().context().isEmpty() ? "" : String.join(" ‖ ", o.row().context()) + " ‖ ", o.row().question(),
                    o.row().outOfDomain() ? "OOD" : o.row().item() + " / " + o.row().element(), o.action(),
                    o.firstItem() == null ? "" : o.firstItem(), String.format(" (%.2f)", o.confidence()))));
            if (misses.size() > maxMisses) {
                sb.append("\n… and ").append(misses.size() - maxMisses).append(" more.\n");
            }
        });
        return sb.toString();
    }
}
