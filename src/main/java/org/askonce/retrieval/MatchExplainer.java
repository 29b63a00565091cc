package org.askonce.retrieval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.nlp.Analysis;

/**
 * Explains why a question matched what it matched under an {@link AnswerModel}: its keys, the top
 * lexical wordings with their evidence, and the fused items with both signals and their features.
 */
final class MatchExplainer {

    private MatchExplainer() {
    }

    static Explanation explain(AnswerModel model, SearchIndex index, String text, int top) {
        Analysis question = model.pipeline().analyze(text);
        List<Explanation.Match> matches = index.search(question, model.settings().hits()).stream().limit(top)
                .map(s -> new Explanation.Match(s.wording().kind().name(), s.wording().itemId(), s.wording().faqId(),
                        s.wording().text(), round(s.score()), s.level().name(), s.shared(), round(s.questionCoverage()),
                        round(s.wordingCoverage()), s.wording().kind().weight))
                .toList();
        List<Explanation.Fused> fused = model.fused(question).stream().limit(top).map(s -> {
            Map<String, Double> features = new LinkedHashMap<>();
            double[] values = s.features().values();
            for (int i = 0; i < Fusion.ITEM_FEATURES.size(); i++) {
                features.put(Fusion.ITEM_FEATURES.get(i), round(values[i]));
            }
            return new Explanation.Fused(s.candidate().itemId(), s.candidate().matched(), round(s.candidate().score()),
                    round(s.candidate().lexical()), round(s.candidate().semantic()), features);
        }).toList();
        return new Explanation(question.text(), question.topicTerms(), question.cueTerms(), question.charGrams(),
                question.pinyinGrams(), question.intent().name(), round(question.intentProbability()), matches,
                model.semantic() ? "semantic+lexical" : "lexical", fused);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
