package org.askonce.nlp;

import java.util.List;

/**
 * One segmented word: its text (normalised, simplified), the part-of-speech or dictionary tag
 * HanLP gave it ({@code kb} for words that name service items, {@code lex} for other lexicon
 * words), its canonical term after the lexicon and the canonical parts of a compound (生育津贴 →
 * 生育, 津贴), and whether it is a stopword or an element cue word (材料, 多久, 在哪…).
 */
public record Token(String text, String nature, String term, List<String> parts, boolean stop, boolean cue) {

    public static final String KB_NATURE = "kb";

    public Token {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public Token withTerm(String newTerm, String newNature, List<String> newParts) {
        return new Token(text, newNature, newTerm, newParts, stop, cue);
    }

    public Token withFlags(boolean newStop, boolean newCue) {
        return new Token(text, nature, term, parts, newStop, newCue);
    }

    /** A word that carries meaning for search: not a stopword and not punctuation. */
    public boolean content() {
        return !stop && !text.isBlank();
    }

    /** A content word that names the topic (not an element cue word). */
    public boolean topic() {
        return content() && !cue;
    }

    /** A word that names a service item (an item word of the knowledge base, or a colloquial word for one). */
    public boolean fromKnowledgeBase() {
        return KB_NATURE.equals(nature);
    }
}
