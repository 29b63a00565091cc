package org.askonce;

import java.nio.file.Path;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.NlpSettings;
import org.askonce.nlp.TextPipeline;

/** The tiny fixture knowledge base (two items) and training set in src/test/resources/mini. */
public final class MiniKnowledge {

    public static final Path KB = Path.of("src/test/resources/mini/kb");
    public static final Path TRAINING = Path.of("src/test/resources/mini/training");

    private static KnowledgeSnapshot snapshot;
    private static TextPipeline pipeline;

    private MiniKnowledge() {
    }

    public static synchronized KnowledgeSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = KnowledgeFolder.read(KB);
        }
        return snapshot;
    }

    public static synchronized TextPipeline pipeline() {
        if (pipeline == null) {
            pipeline = TextPipeline.create(snapshot(), NlpSettings.defaults(TRAINING));
        }
        return pipeline;
    }
}
