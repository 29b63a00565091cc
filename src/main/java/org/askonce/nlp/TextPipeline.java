package org.askonce.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The chain that turns a citizen's text into an {@link Analysis}, written down in one place, in
 * order: normalise → convert → romanised → segment → stopwords → synonyms → pinyin → intent. The order and the
 * steps' parameters come from {@link NlpSettings}; the dictionary and lexicon come from the
 * knowledge base; the intent model is trained from {@code training/intents} when the chain is
 * built.
 */
@Service
public class TextPipeline {

    private static final Logger log = LoggerFactory.getLogger(TextPipeline.class);
    private static final Set<String> KNOWN_STEPS = Set.of("normalise", "convert", "romanised", "segment", "stopwords", "synonyms", "pinyin", "intent");

    private volatile List<Step> steps;
    private final NlpSettings settings;

    @Autowired
    TextPipeline(KnowledgeBase knowledgeBase, NlpSettings settings) {
        this(knowledgeBase.snapshot(), settings);
    }

    private TextPipeline(KnowledgeSnapshot snapshot, NlpSettings settings) {
        long start = System.nanoTime();
        this.settings = settings;
        this.steps = build(snapshot, settings);
        log.info("Text pipeline built in {} ms: {}", (System.nanoTime() - start) / 1_000_000, this);
    }

    /** A new pipeline of the same steps for another knowledge base (its dictionary and lexicon); this one is unchanged. */
    public TextPipeline rebuiltFor(KnowledgeSnapshot snapshot) {
        return new TextPipeline(snapshot, settings);
    }

    /** Takes over the steps of a rebuilt pipeline, at once: a text is analysed wholly by the old steps or wholly by the new. */
    public void adopt(TextPipeline rebuilt) {
        this.steps = rebuilt.steps;
    }

    public NlpSettings settings() {
        return settings;
    }

    /** A pipeline outside Spring (evaluation, benchmarks, tests). */
    public static TextPipeline create(KnowledgeSnapshot snapshot, NlpSettings settings) {
        return new TextPipeline(snapshot, settings);
    }

    private static List<Step> build(KnowledgeSnapshot snapshot, NlpSettings settings) {
        Set<String> unknown = settings.steps().keySet().stream().filter(s -> !settings.pipeline().contains(s)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Parameters given for steps that are not in the pipeline: " + unknown
                    + " (pipeline: " + settings.pipeline() + ")");
        }
        Vocabulary vocabulary = Vocabulary.of(snapshot);
        List<Step> steps = new ArrayList<>();
        for (String name : settings.pipeline()) {
            Map<String, String> params = settings.steps().getOrDefault(name, Map.of());
            List<Step> before = List.copyOf(steps);
            Step step = switch (name) {
                case "normalise" -> new NormaliseStep(params);
                case "convert" -> new ConvertStep(params);
                case "romanised" -> new RomanisedStep(params, vocabulary);
                case "segment" -> new SegmentStep(params, vocabulary);
                case "stopwords" -> new StopwordStep(params);
                case "synonyms" -> new SynonymStep(params, vocabulary);
                case "pinyin" -> new PinyinStep(params);
                case "intent" -> new IntentStep(params, settings.trainingDir(), text -> run(before, text).tokens());
                default -> throw new IllegalArgumentException("Unknown pipeline step '" + name + "'; known: " + KNOWN_STEPS);
            };
            steps.add(step);
        }
        return List.copyOf(steps);
    }

    private static Analysis run(List<Step> steps, String text) {
        Analysis analysis = new Analysis(text == null ? "" : text);
        for (Step step : steps) {
            step.apply(analysis);
        }
        return analysis;
    }

    /** Analyses a citizen's message, intent included. */
    public Analysis analyze(String text) {
        return run(steps, text);
    }

    /** Analyses knowledge-base text for the index: every step but the intent model. */
    public Analysis analyzeForIndex(String text) {
        return run(steps.stream().filter(s -> !(s instanceof IntentStep)).toList(), text);
    }

    @Override
    public String toString() {
        return steps.stream().map(Object::toString).collect(Collectors.joining(" → "));
    }
}
