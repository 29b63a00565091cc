package org.askonce.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.DialogueSettings;
import org.askonce.dialogue.InMemoryConversationStore;
import org.askonce.dialogue.RegionGuard;
import org.askonce.dialogue.Reply;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.retrieval.Candidate;
import org.askonce.retrieval.Fusion;
import org.askonce.retrieval.AnswerModel;
import org.askonce.retrieval.AnswerModels;
import org.askonce.retrieval.RetrievalSettings;
import org.askonce.retrieval.Retriever;

/**
 * Runs eval rows through the whole answer engine (each row in a fresh conversation, its context
 * questions first) and through the baseline, in the same process.
 */
public final class Evaluation {

    private final KnowledgeSnapshot kb;
    private final AnswerModels models;
    private final AnswerModel model;
    private final InMemoryConversationStore store = new InMemoryConversationStore(false);
    private final DialogueEngine engine;
    private final Baseline baseline;

    private final DialogueSettings dialogue;

    /** An evaluation of the models the factory builds for the knowledge base. */
    public Evaluation(KnowledgeSnapshot kb, AnswerModels models) {
        this(kb, models, DialogueSettings.defaults());
    }

    /** An evaluation for another area than the default's (its name and places, {@link DialogueSettings#forRegion}). */
    public Evaluation(KnowledgeSnapshot kb, AnswerModels models, DialogueSettings dialogue) {
        this(kb, models, models.build(0, kb), new Baseline(kb), dialogue);
    }

    private Evaluation(KnowledgeSnapshot kb, AnswerModels models, AnswerModel model, Baseline baseline, DialogueSettings dialogue) {
        this.kb = kb;
        this.models = models;
        this.model = model;
        this.dialogue = dialogue;
        this.engine = DialogueEngine.create(KnowledgeBase.of(kb), Retriever.of(model), store, dialogue);
        this.baseline = baseline;
    }

    /** The same knowledge, pipeline and vectors with other retrieval thresholds (for calibration). */
    public Evaluation withRetrieval(RetrievalSettings retrieval) {
        return new Evaluation(kb, models, model.with(retrieval), baseline, dialogue);
    }

    public AnswerModel model() {
        return model;
    }

    public KnowledgeSnapshot knowledge() {
        return kb;
    }

    public List<EvalRow> read(Path file) {
        return EvalRow.read(file, kb);
    }

    public Report run(List<EvalRow> rows) {
        List<Reply> replies = replies(rows);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Reply r = replies.get(i);
            outcomes.add(new Outcome(rows.get(i), r.action(), r.eventName() != null ? r.eventName() : r.itemName(), r.element(),
                    r.eventName() != null ? List.of() : r.options(), r.confidence(), r.faqId() != null, r.elements()));
        }
        return new Report("AskOnce", outcomes);
    }

    /**
     * The bot's reply to each row's question, in order: each row in a fresh conversation, its context
     * (the earlier messages of a topic-switch row) said first.
     */
    public List<Reply> replies(List<EvalRow> rows) {
        store.clear(); // every run starts with no conversations
        List<Reply> replies = new ArrayList<>();
        int n = 0;
        for (EvalRow row : rows) {
            String user = "eval-" + row.set() + "-" + row.line() + "-" + (n++);
            for (String earlier : row.context()) {
                engine.handle(Channel.WEB, user, earlier);
            }
            replies.add(engine.handle(Channel.WEB, user, row.question()));
        }
        return replies;
    }

    /**
     * The embedding model alone: every question answered with the item of its closest wording
     * (cosine of sentence vectors, no words, no context, no thresholds).
     */
    public Report runDense(List<EvalRow> rows) {
        List<Outcome> outcomes = new ArrayList<>();
        for (EvalRow row : rows) {
            List<Candidate> items = model.semanticItems(model.analyze(row.question()));
            if (items.isEmpty()) {
                outcomes.add(new Outcome(row, Action.UNKNOWN, null, null, List.of(), 0, false));
            } else {
                String name = kb.item(items.get(0).itemId()).map(ServiceItem::name).orElse(null);
                outcomes.add(new Outcome(row, Action.ANSWER, name, null, List.of(), items.get(0).semantic(), false));
            }
        }
        return new Report("Dense only (" + model.fusion().origin() + ")", outcomes);
    }

    /** What the fusion is fitted to: the candidates of questions, each labelled right or wrong; several sets' examples add up. */
    public record Examples(List<AnswerModel.Candidates> questions, List<List<Boolean>> right) {

        public Examples plus(Examples more) {
            List<AnswerModel.Candidates> q = new ArrayList<>(questions);
            q.addAll(more.questions);
            List<List<Boolean>> r = new ArrayList<>(right);
            r.addAll(more.right);
            return new Examples(q, r);
        }

        public Fusion fit(String origin) {
            return Fusion.fit(questions, right, 3.0, origin);
        }
    }

    /**
     * The fitting examples of rows (a dev set): every candidate item of a row's question, labelled
     * right or wrong (all wrong for an out-of-domain row). Follow-ups are left out (their question
     * alone names no item), and so are the questions the region guard declines before the fusion is asked.
     */
    public Examples examples(List<EvalRow> rows) {
        RegionGuard regions = new RegionGuard(dialogue);
        List<AnswerModel.Candidates> questions = new ArrayList<>();
        List<List<Boolean>> right = new ArrayList<>();
        for (EvalRow row : rows) {
            if (row.kind().equals("followup") || row.aboutEvent() || (row.outOfDomain() && regions.otherRegion(row.question()).isPresent())) {
                continue;
            }
            String expected = row.outOfDomain() ? null : kb.itemByName(row.item()).map(ServiceItem::id).orElseThrow();
            AnswerModel.Candidates c = model.candidates(model.analyze(row.question()));
            questions.add(c);
            right.add(c.items().stream().map(i -> i.itemId().equals(expected)).toList());
        }
        return new Examples(questions, right);
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
            if (reports.length > 2) {
                sb.append(reports[2].summaryRow(set + " — dense only")).append('\n');
            }
            sb.append(reports[1].summaryRow(set + " — baseline")).append('\n');
        });
        bySet.forEach((set, reports) -> {
            Report r = reports[0];
            if (reports.length > 2) {
                sb.append("\n### ").append(set).append(": per tier, side by side\n\n")
                        .append("| kind | rows | baseline top-1 | dense-only top-1 | AskOnce top-1 | AskOnce safe | AskOnce item+element |\n|---|---|---|---|---|---|---|\n");
                Map<String, double[]> base = reports[1].perKind();
                Map<String, double[]> dense = reports[2].perKind();
                r.perKind().forEach((k, f) -> sb.append(String.format("| %s | %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %s |%n", k, (int) f[0],
                        100 * base.get(k)[1], 100 * dense.get(k)[1], 100 * f[1], 100 * f[2],
                        Double.isNaN(f[3]) ? "—" : String.format("%.1f%%", 100 * f[3]))));
            }
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
