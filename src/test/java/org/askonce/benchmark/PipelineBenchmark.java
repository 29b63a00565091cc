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
import org.askonce.nlp.TextPipeline;
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
 * policy, wording, conversation state), single-threaded, on the sample knowledge base and on one
 * with 100,000 generated FAQs. Questions are the eval sets' questions in turn, each from its own
 * user. Conversation state is kept in memory (the database write of a turn is not included).
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec} (SampleTime: p50, p99 in microseconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class PipelineBenchmark {

    @Param({"sample", "generated-100k"})
    public String knowledge;

    private DialogueEngine engine;
    private List<String> questions;
    private int next;

    @Setup
    public void setUp() {
        KnowledgeSnapshot sample = KnowledgeFolder.read(Path.of("knowledge-base"));
        KnowledgeSnapshot kb = knowledge.equals("sample") ? sample : GeneratedKnowledge.withFaqs(sample, 100_000);
        AnswerModels models = AnswerModels.standalone(NlpSettings.defaults(Path.of("training")), RetrievalSettings.defaults(),
                Path.of("knowledge-base/vectors"));
        Retriever retriever = Retriever.of(models.build(0, kb));
        engine = DialogueEngine.create(KnowledgeBase.of(kb), retriever, new InMemoryConversationStore(false),
                DialogueSettings.defaults());
        questions = EvalRow.read(Path.of("training/eval/dev.tsv"), sample).stream().map(EvalRow::question).toList();
    }

    @Benchmark
    public Reply answer() {
        int i = next++ % questions.size();
        return engine.handle(Channel.WEB, "bench-" + (next % 5000), questions.get(i));
    }
}
