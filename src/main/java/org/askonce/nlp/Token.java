package org.askonce.nlp;

/**
 * One segmented word: its text (normalised, simplified), the part-of-speech or dictionary tag
 * HanLP gave it ({@code kb} for words from the knowledge base), its canonical term after the
 * lexicon, and whether it is a stopword or an element cue word (材料, 多久, 在哪…).
 */
public record Token(String text, String nature, String term, boolean stop, boolean cue) {

    public static final String KB_NATURE = "kb";

    public Token withTerm(String newTerm) {
        return new Token(text, nature, newTerm, stop, cue);
    }

    public Token withFlags(boolean newStop, boolean newCue) {
        return new Token(text, nature, term, newStop, newCue);
    }

    /** A word that carries meaning for search: not a stopword and not punctuation. */
    public boolean content() {
        return !stop && !text.isBlank();
    }

    /** A content word that names the topic (not an element cue word). */
    public boolean topic() {
        return content() && !cue;
    }

    public boolean fromKnowledgeBase() {
        return KB_NATURE.equals(nature);
    }

    public boolean place() {
        return nature != null && nature.startsWith("ns");
    }
}
