package org.askonce.retrieval;

import java.nio.file.Path;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.transfer.GuangdongCatalogue;
import org.askonce.nlp.NlpSettings;

/**
 * {@code java -jar target/askonce.jar embed [--knowledge-base=DIR]} writes the sentence vectors of
 * every wording of a knowledge-base folder to {@code DIR/vectors/<model>.vec}, so that a first start
 * into an empty database does not embed them; {@code embed --catalogue=FILE.jsonl --out=DIR} does the
 * same for a provincial catalogue (the evaluation's Guangdong vectors). Runs in memory; touches no database.
 */
public final class EmbedCommand {

    private static final String USAGE = "Usage: embed [--knowledge-base=DIR] | embed --catalogue=FILE.jsonl --out=DIR";

    private EmbedCommand() {
    }

    public static int run(String[] args) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path kbDir = Path.of("knowledge-base");
        Path catalogue = null;
        Path out = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--knowledge-base=")) {
                kbDir = Path.of(a.substring("--knowledge-base=".length()));
            } else if (a.startsWith("--catalogue=")) {
                catalogue = Path.of(a.substring("--catalogue=".length()));
            } else if (a.startsWith("--out=")) {
                out = Path.of(a.substring("--out=".length()));
            } else {
                System.err.println("Unknown argument '" + a + "'. " + USAGE);
                return 2;
            }
        }
        if (catalogue != null && out == null) {
            System.err.println("--catalogue needs --out. " + USAGE);
            return 2;
        }
        KnowledgeSnapshot snapshot = catalogue != null ? GuangdongCatalogue.snapshot(catalogue) : KnowledgeFolder.read(kbDir);
        Path folder = out != null ? out : kbDir.resolve("vectors");
        AnswerModels models = AnswerModels.standalone(NlpSettings.defaults(Path.of("training")), RetrievalSettings.defaults(), folder);
        int wanted = models.vectorsWanted(snapshot);
        int missing = models.vectorsMissing(snapshot);
        long start = System.nanoTime();
        Path file = models.writeShippedVectors(snapshot, folder, n -> {
            if (n % 512 < 32) {
                System.err.println("embedded " + n + " / " + missing);
            }
        });
        System.out.printf("Wrote %s: %d wordings (%d embedded now, the rest were in the file already) in %d ms%n", file, wanted, missing,
                (System.nanoTime() - start) / 1_000_000);
        return 0;
    }
}
