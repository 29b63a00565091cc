package org.askonce.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.DialogueSettings;
import org.askonce.dialogue.InMemoryConversationStore;
import org.askonce.dialogue.Reply;
import org.askonce.evaluation.EvalRow;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.NlpSettings;
import org.askonce.retrieval.RetrievalSettings;
import org.askonce.retrieval.AnswerModels;
import org.askonce.retrieval.Retriever;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole answer pipeline, text → reply (normalise, segment, intent, Lucene search, scoring,
 * policy, wording, conversation state), single-threaded. Questions are asked in turn, each from its
 * own user; conversation state is kept in memory (the database write of a turn is not included).
 * <ul>
 *   <li>{@code lexical} on the sample and on one with 100,000 generated FAQs: the words alone, the dev
 *       set's questions (as before the semantic signal, to compare builds);</li>
 *   <li>{@code semantic} on the sample: both signals, the query-embedding cache off (every question
 *       embedded), a realistic mix: half the dev set's plain questions, half situational and long
 *       narrative ones of the situational dev set;</li>
 *   <li>{@code semantic-dev} on the sample: both signals, the dev set's questions alone (as the lexical
 *       run); those the words alone are certain of skip the model;</li>
 *   <li>{@code semantic} on the sample + 10,000 and + 100,000 generated FAQs: both signals, the same
 *       mix; their wordings are embedded in the set-up (about 1.5 ms a wording: a minute for 10k,
 *       thirteen with the index for 100k; the fork gets 5 GB of heap for it).</li>
 * </ul>
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec} (SampleTime: p50, p99 in microseconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx5g"})
@Threads(1)
public class PipelineBenchmark {

    @Param({"lexical/sample", "lexical/generated-100k", "semantic/sample", "semantic-dev/sample", "semantic/generated-10k",
        "semantic/generated-100k"})
    public String run;

    private DialogueEngine engine;
    private List<String> questions;
    private int next;

    @Setup
    public void setUp() {
        KnowledgeSnapshot sample = KnowledgeFolder.read(Path.of("knowledge-base"));
        boolean semantic = run.startsWith("semantic");
        KnowledgeSnapshot kb = run.endsWith("sample") ? sample
                : GeneratedKnowledge.withFaqs(sample, run.endsWith("10k") ? 10_000 : 100_000);
        RetrievalSettings settings = semantic ? RetrievalSettings.defaults().withQueryCache(0) : RetrievalSettings.lexicalOnly();
        AnswerModels models = AnswerModels.standalone(NlpSettings.defaults(Path.of("training")), settings, Path.of("knowledge-base/vectors"));
        Retriever retriever = Retriever.of(models.build(0, kb));
        engine = DialogueEngine.create(KnowledgeBase.of(kb), retriever, new InMemoryConversationStore(false),
                DialogueSettings.defaults());
        List<String> plain = EvalRow.read(Path.of("training/eval/dev.tsv"), sample).stream().map(EvalRow::question).toList();
        if (run.startsWith("semantic/")) {
            List<String> situations = EvalRow.read(Path.of("training/eval/situations-dev.tsv"), sample).stream()
                    .filter(r -> r.kind().equals("situational") || r.kind().equals("narrative")).map(EvalRow::question).toList();
            List<String> mix = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(plain.size(), situations.size()); i++) {
                mix.add(plain.get(i));
                mix.add(situations.get(i));
            }
            questions = mix;
        } else {
            questions = plain;
        }
    }

    @Benchmark
    public Reply answer() {
        int i = next++ % questions.size();
        return engine.handle(Channel.WEB, "bench-" + (next % 5000), questions.get(i));
    }
}
