package org.askonce.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the pipeline made of one text: the normalised text, the tokens with their canonical terms,
 * the character and pinyin keys that let typos match, and the recognised intent.
 */
public final class Analysis {

    private String text;
    private List<Token> tokens = List.of();
    private List<String> charGrams = List.of();
    private List<String> pinyinGrams = List.of();
    private Intent intent = Intent.OVERVIEW;
    private double intentProbability;
    private double outOfScopeProbability;
    private String question;
    private boolean intentScored;

    Analysis(String text) {
        this.text = text;
    }

    /** The text after normalisation and conversion to simplified Chinese. */
    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** Canonical terms of the content words (stopwords dropped, lexicon applied), in order, no repeats. */
    public List<String> terms() {
        Set<String> terms = new LinkedHashSet<>();
        tokens.stream().filter(Token::content).forEach(t -> {
            terms.add(t.term());
            terms.addAll(t.parts());
        });
        return new ArrayList<>(terms);
    }

    /** Canonical terms that name the topic, i.e. without element cue words. */
    public List<String> topicTerms() {
        Set<String> terms = new LinkedHashSet<>();
        tokens.stream().filter(Token::topic).forEach(t -> {
            terms.add(t.term());
            terms.addAll(t.parts());
        });
        return new ArrayList<>(terms);
    }

    /** Whether the text names a service item by a word of the knowledge base (not just asks an element). */
    public boolean namesItem() {
        return tokens.stream().anyMatch(t -> t.topic() && t.fromKnowledgeBase());
    }

    /** Canonical terms that are element cue words (材料, 多久…). */
    public List<String> cueTerms() {
        Set<String> terms = new LinkedHashSet<>();
        tokens.stream().filter(t -> t.content() && t.cue()).forEach(t -> terms.add(t.term()));
        return new ArrayList<>(terms);
    }

    /** Character bigrams of the topic words as written (typo-tolerant key). */
    public List<String> charGrams() {
        return charGrams;
    }

    /** Pinyin syllable bigrams of the topic words (homophone-tolerant key: 犬正 ~ 犬证). */
    public List<String> pinyinGrams() {
        return pinyinGrams;
    }

    public Intent intent() {
        return intent;
    }

    public double intentProbability() {
        return intentProbability;
    }

    /** The part of the text that asks: the text itself, or in a long story the clause with the question. */
    public String question() {
        return question == null ? text : question;
    }

    void question(String clause) {
        this.question = clause;
    }

    /** How likely the intent model thinks the text is not about a government service at all (chit-chat, a bank, another city). */
    public double outOfScopeProbability() {
        return outOfScopeProbability;
    }

    void outOfScopeProbability(double probability) {
        this.outOfScopeProbability = probability;
    }

    public boolean intentScored() {
        return intentScored;
    }

    void text(String newText) {
        this.text = newText;
    }

    void tokens(List<Token> newTokens) {
        this.tokens = List.copyOf(newTokens);
    }

    void keys(List<String> chars, List<String> pinyin) {
        this.charGrams = List.copyOf(chars);
        this.pinyinGrams = List.copyOf(pinyin);
    }

    void intent(Intent newIntent, double probability) {
        this.intent = newIntent;
        this.intentProbability = probability;
        this.intentScored = true;
    }

    @Override
    public String toString() {
        return "Analysis[text=" + text + ", tokens=" + tokens.stream().map(t -> t.text() + "/" + t.nature()
                + (t.term().equals(t.text()) ? "" : "→" + t.term()) + (t.stop() ? "(stop)" : t.cue() ? "(cue)" : "")).toList()
                + ", intent=" + intent + String.format("(%.2f)", intentProbability) + "]";
    }
}
