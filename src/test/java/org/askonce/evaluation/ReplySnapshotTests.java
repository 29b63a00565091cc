package org.askonce.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.askonce.dialogue.Reply;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.nlp.NlpSettings;
import org.askonce.retrieval.RetrievalSettings;
import org.junit.jupiter.api.Test;

/**
 * What the bot says, word for word, to a fixed sample of the eval questions (every
 * {@value #EVERY}th row of every set in {@code training/eval}) on the sample knowledge base: the
 * action, the item or event, the elements, the options, the score and the reply. A change to any of
 * them fails here with the lines that differ, so code can be moved without changing behaviour.
 * When a change of behaviour is meant, rewrite the snapshot and commit it with the change:
 * {@code mvn test -Dtest=ReplySnapshotTests -Dsnapshots.update=true}.
 */
class ReplySnapshotTests {

    static final int EVERY = 6;
    private static final Path SNAPSHOT = Path.of("src/test/resources/snapshots/replies.tsv");

    @Test
    void theBotSaysWhatTheSnapshotRecordsToASampleOfTheEvalQuestions() throws IOException {
        Path kbDir = Path.of("knowledge-base");
        Evaluation evaluation = new Evaluation(KnowledgeFolder.read(kbDir),
                EvaluationCommand.models(kbDir, NlpSettings.defaults(Path.of("training")), RetrievalSettings.defaults()));
        List<EvalRow> rows = new ArrayList<>();
        for (Path set : EvaluationCommand.sets(Path.of("training"))) {
            List<EvalRow> all = evaluation.read(set);
            for (int i = 0; i < all.size(); i += EVERY) {
                rows.add(all.get(i));
            }
        }
        List<Reply> replies = evaluation.replies(rows);
        List<String> lines = new ArrayList<>();
        lines.add("row\tquestion\taction\titem or event\telements\toptions\tscore\treply");
        for (int i = 0; i < rows.size(); i++) {
            lines.add(line(rows.get(i), replies.get(i)));
        }

        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.write(SNAPSHOT, lines, StandardCharsets.UTF_8);
            System.out.println("Reply snapshot rewritten: " + SNAPSHOT + " (" + rows.size() + " questions)");
        }
        assertThat(rows).as("sampled questions").hasSizeGreaterThanOrEqualTo(300);
        assertThat(lines).as("replies compared with " + SNAPSHOT + " (rewrite with -Dsnapshots.update=true when the change is meant)")
                .containsExactlyElementsOf(Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8));
    }

    private static String line(EvalRow row, Reply r) {
        String question = row.context().isEmpty() ? row.question() : String.join(" ‖ ", row.context()) + " ‖ " + row.question();
        return String.join("\t", row.set() + ":" + row.line(), flat(question), r.action().name(),
                r.eventName() != null ? "一件事 " + r.eventName() : r.itemName() == null ? "" : r.itemName(),
                r.elements().stream().map(Element::name).collect(Collectors.joining(",")),
                String.join(" | ", r.options()), String.format(Locale.ROOT, "%.2f", r.confidence()), flat(r.reply()));
    }

    private static String flat(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
