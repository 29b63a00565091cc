package org.askonce.nlp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.nlp.*}: the pipeline's steps in order, per-step parameters
 * ({@code askonce.nlp.steps.synonyms.core-synonym=true}) and the training folder.
 */
@ConfigurationProperties("askonce.nlp")
public record NlpSettings(
        @DefaultValue({"normalise", "convert", "romanised", "segment", "stopwords", "synonyms", "pinyin", "intent"}) List<String> pipeline,
        Map<String, Map<String, String>> steps,
        @DefaultValue("./training") Path trainingDir) {

    public NlpSettings {
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }

    public static NlpSettings defaults(Path trainingDir) {
        return new NlpSettings(List.of("normalise", "convert", "romanised", "segment", "stopwords", "synonyms", "pinyin", "intent"), Map.of(), trainingDir);
    }

    public NlpSettings withStep(String step, Map<String, String> params) {
        Map<String, Map<String, String>> copy = new java.util.HashMap<>(steps);
        copy.put(step, params);
        return new NlpSettings(pipeline, copy, trainingDir);
    }
}
