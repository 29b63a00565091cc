package org.askonce.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks stopwords (function words, fillers: 的, 请问, 那个, 一下…) and element cue words (材料,
 * 多久, 在哪…). Neither is removed: the intent model still sees them, search does not use
 * stopwords and gives cue words little weight. Lists: {@code nlp/stopwords.txt},
 * {@code nlp/element-cues.txt} on the class path.
 */
final class StopwordStep implements Step {

    private final Set<String> stopwords;
    private final Set<String> cues;

    StopwordStep(Map<String, String> params) {
        Step.checkParameters("stopwords", params, Set.of());
        this.stopwords = load("nlp/stopwords.txt");
        this.cues = load("nlp/element-cues.txt");
    }

    @Override
    public void apply(Analysis analysis) {
        List<Token> marked = new ArrayList<>(analysis.tokens().size());
        for (Token token : analysis.tokens()) {
            boolean stop = stopwords.contains(token.text()) || isSingleNonHan(token.text());
            boolean cue = !stop && cues.contains(token.text());
            marked.add(token.withFlags(stop, cue));
        }
        analysis.tokens(marked);
    }

    private static boolean isSingleNonHan(String text) {
        return text.length() == 1 && !Character.isIdeographic(text.charAt(0)) && !Character.isDigit(text.charAt(0));
    }

    static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = StopwordStep.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    @Override
    public String toString() {
        return "stopwords(" + stopwords.size() + " stopwords, " + cues.size() + " element cue words)";
    }
}
