package org.askonce.retrieval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns the two signals about the candidate items of a question — the lexical score (words,
 * characters, pinyin) and the semantic one (cosine of sentence vectors), and how each sets an item
 * apart from the others — into one score per item, in two logistic regressions:
 * <ol>
 *   <li><b>which item</b>: for each candidate, how likely it is the one meant if the question is
 *       about one of ours ({@link ItemFeatures});</li>
 *   <li><b>whether to trust the first</b>: for the question, how likely the first candidate is right
 *       at all ({@link QuestionFeatures}: how strong and how clear both signals are, how much of the
 *       question the knowledge base knows). Near misses — another city's affairs, a bank's card, a
 *       procedure we do not hold — look like ours word by word and meaning by meaning, but not both
 *       at once, clearly.</li>
 * </ol>
 * An item's score is the second probability times its share of the first: the first item's score
 * is the probability that answering with it is right. The weights are fitted on the dev sets
 * ({@code java -jar askonce.jar eval --fit}) and kept in {@code training/fusion.properties}.
 */
public final class Fusion {

    /** What is known of one candidate item. */
    public record ItemFeatures(double lexical, double semantic, double lexicalGap, double semanticGap, boolean lexicalFirst,
                               boolean semanticFirst) {

        double[] values() {
            return new double[] {lexical, semantic, lexicalGap, semanticGap, lexicalFirst ? 1 : 0, semanticFirst ? 1 : 0,
                lexical * semantic};
        }
    }

    /** What is known of the question and its first candidate. */
    public record QuestionFeatures(double firstShare, double lexical, double semantic, double lexicalGap, double semanticGap,
                                   boolean agree, double topicShare, double outOfScope, boolean story, boolean looksAlike,
                                   int unknownWords, int topicWords) {

        double[] values() {
            boolean shortQuestion = !story && topicWords <= 3;
            return new double[] {firstShare, lexical, semantic, lexicalGap, semanticGap, agree ? 1 : 0, topicShare,
                Math.max(0, semantic - 0.75), Math.max(0, lexical - 0.6), outOfScope, story ? 1 : 0, story ? lexical : 0,
                looksAlike ? 1 : 0, Math.min(unknownWords, 3), shortQuestion && unknownWords > 0 ? 1 : 0};
        }
    }

    /**
     * lexical: the item's lexical score (0 when not found); semantic: its closest wording's cosine
     * (when not among the nearest wordings, the farthest of them); the gaps: the item's score minus
     * the best other item's; first: whether the item is first by that signal.
     */
    public static final List<String> ITEM_FEATURES = List.of("lexical", "semantic", "lexical-gap", "semantic-gap", "lexical-first",
            "semantic-first", "lexical-x-semantic");
    /**
     * first-share: the first item's share of the which-item probabilities; lexical, semantic and the
     * gaps: of the first item; agree: both signals put the same item first; topic-share: the weight of
     * the question's topic words the index knows, over all of them; the last two: how far the
     * semantic and lexical scores are above 0.75 and 0.6 (a near paraphrase, a near exact wording);
     * out-of-scope: the intent model's probability that the question is not about a service of ours;
     * story: a long message whose question is one clause of it (its words are mostly the story's, so
     * the lexical score means less), and the lexical score of such a message; looks-alike: the question
     * names something like the first item that is not it (银行卡 for 市民卡); unknown-words: how many
     * of its topic words (up to 3) the index has never seen; short-unknown: a short question (up to
     * three topic words, no story) with such a word (中考报名什么时候: a procedure we do not hold).
     */
    public static final List<String> QUESTION_FEATURES = List.of("first-share", "lexical", "semantic", "lexical-gap", "semantic-gap",
            "agree", "topic-share", "semantic-above-0.75", "lexical-above-0.6", "out-of-scope", "story", "story-lexical",
            "looks-alike", "unknown-words", "short-unknown");

    private final Logistic item;
    private final Logistic question;
    private final String origin;

    Fusion(Logistic item, Logistic question, String origin) {
        if (item.weights().length != ITEM_FEATURES.size() || question.weights().length != QUESTION_FEATURES.size()) {
            throw new IllegalArgumentException("Fusion needs " + ITEM_FEATURES.size() + " item and " + QUESTION_FEATURES.size()
                    + " question weights");
        }
        this.item = item;
        this.question = question;
        this.origin = origin;
    }

    /** How likely each candidate is the item meant, if the question is about one of ours. */
    double itemProbability(ItemFeatures f) {
        return item.probability(f.values());
    }

    /** How likely the first candidate is right. */
    double questionProbability(QuestionFeatures f) {
        return question.probability(f.values());
    }

    /** Where the weights came from (a file, or "built-in"). */
    public String origin() {
        return origin;
    }

    /** Weights chosen by hand before any fit, for a training folder without {@code fusion.properties}. */
    public static Fusion builtIn() {
        return new Fusion(new Logistic(-6.0, new double[] {4.0, 4.0, 4.0, 8.0, 0.5, 0.5, 0}),
                new Logistic(-9.0, new double[] {2.0, 3.0, 6.0, 4.0, 8.0, 1.0, 0, 8.0, 4.0, -4.0, 0, 0, -2.0, 0, 0}), "built-in");
    }

    /** The weights in a file ({@code item.intercept=…}, {@code item.<feature>=…}, {@code question.…}); the built-in ones if there is no file. */
    public static Fusion read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return builtIn();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return new Fusion(read(p, "item", ITEM_FEATURES, file), read(p, "question", QUESTION_FEATURES, file), file.toString());
    }

    private static Logistic read(Properties p, String prefix, List<String> features, Path file) {
        double[] w = new double[features.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = number(p, prefix + "." + features.get(i), file);
        }
        return new Logistic(number(p, prefix + ".intercept", file), w);
    }

    private static double number(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(file + ": no weight for '" + key + "'");
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": weight of '" + key + "' is not a number: " + value);
        }
    }

    public void write(Path file, String comment) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# " + comment.replace("\n", "\n# ") + "\n");
            for (Map.Entry<String, Double> e : named().entrySet()) {
                out.write(String.format(Locale.ROOT, "%s=%.4f%n", e.getKey(), e.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** The weights by name (for reports). */
    public Map<String, Double> named() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("item.intercept", item.intercept());
        for (int i = 0; i < ITEM_FEATURES.size(); i++) {
            m.put("item." + ITEM_FEATURES.get(i), item.weights()[i]);
        }
        m.put("question.intercept", question.intercept());
        for (int i = 0; i < QUESTION_FEATURES.size(); i++) {
            m.put("question." + QUESTION_FEATURES.get(i), question.weights()[i]);
        }
        return m;
    }

    /**
     * Fits both regressions: the which-item one to the candidates of in-domain questions, then the
     * trust-the-first one to every question, labelled by whether the first candidate under the first
     * fit is right (out-of-domain questions count {@code outOfDomainWeight} times).
     */
    public static Fusion fit(List<AnswerModel.Candidates> questions, List<List<Boolean>> right, double outOfDomainWeight, String origin) {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            if (!right.get(q).contains(true)) {
                continue; // out of domain, or the right item is not among the candidates: nothing to tell items apart by
            }
            for (int c = 0; c < questions.get(q).items().size(); c++) {
                x.add(questions.get(q).features().get(c).values());
                y.add(right.get(q).get(c));
                w.add(1.0);
            }
        }
        Logistic item = Logistic.fit(x, y, w, 0.001);
        Fusion first = new Fusion(item, builtIn().question, origin);
        List<double[]> qx = new ArrayList<>();
        List<Boolean> qy = new ArrayList<>();
        List<Double> qw = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            AnswerModel.Candidates candidates = questions.get(q);
            if (candidates.isEmpty()) {
                continue;
            }
            qx.add(candidates.questionFeatures(first).values());
            qy.add(right.get(q).get(candidates.first(first)));
            qw.add(right.get(q).contains(true) ? 1.0 : outOfDomainWeight);
        }
        return new Fusion(item, Logistic.fit(qx, qy, qw, 0.001), origin);
    }

    @Override
    public String toString() {
        return "fusion weights from " + origin;
    }
}
