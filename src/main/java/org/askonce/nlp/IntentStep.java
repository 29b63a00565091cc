package org.askonce.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the intent with the OpenNLP model. Its features are the words, with words of the
 * knowledge base (item names, aliases) masked as {@code <item>} so that the model learns how
 * people ask, not which item they ask about, plus character bigrams of the masked text.
 */
final class IntentStep implements Step {

    static final String ITEM_MASK = "<item>";

    private final IntentModel model;
    private final java.util.function.Function<String, List<Token>> tokenizer;
    private final int iterations;
    private final int cutoff;

    IntentStep(Map<String, String> params, java.nio.file.Path trainingDir, java.util.function.Function<String, List<Token>> tokenizer) {
        Step.checkParameters("intent", params, Set.of("iterations", "cutoff"));
        this.iterations = Step.integer("intent", params, "iterations", 300, 1, 10_000);
        this.cutoff = Step.integer("intent", params, "cutoff", 1, 0, 100);
        this.tokenizer = tokenizer;
        this.model = IntentModel.train(trainingDir.resolve("intents"),
                text -> features(tokenizer.apply(QuestionClause.of(text))), iterations, cutoff);
    }

    @Override
    public void apply(Analysis analysis) {
        // a long message is read for its question, not its story
        String question = QuestionClause.of(analysis.text());
        analysis.question(question);
        List<Token> tokens = question.equals(analysis.text()) ? analysis.tokens() : tokenizer.apply(question);
        Map<Intent, Double> probabilities = model.probabilities(features(tokens));
        Map.Entry<Intent, Double> best = probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        analysis.intent(best.getKey(), best.getValue());
        analysis.outOfScopeProbability(probabilities.getOrDefault(Intent.OUT_OF_SCOPE, 0.0));
    }

    static String[] features(List<Token> tokens) {
        List<String> features = new ArrayList<>();
        StringBuilder masked = new StringBuilder();
        for (Token token : tokens) {
            boolean item = token.fromKnowledgeBase() && !token.cue();
            features.add(item ? ITEM_MASK : token.text());
            masked.append(item ? "Ⓘ" : token.text());
        }
        for (int i = 0; i + 1 < masked.length(); i++) {
            features.add("#" + masked.charAt(i) + masked.charAt(i + 1));
        }
        if (features.isEmpty()) {
            features.add("<empty>");
        }
        return features.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "intent(opennlp maxent, " + model.examples() + " examples, iterations=" + iterations + ", cutoff=" + cutoff + ")";
    }
}
