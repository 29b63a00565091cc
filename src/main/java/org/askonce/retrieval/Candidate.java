package org.askonce.retrieval;

/**
 * One thing that may answer a question: a service item or a FAQ, with its 0..1 score and the
 * wording that matched best ({@code matched}: the name, alias, keyword, or FAQ question / similar
 * question). For a FAQ, {@code itemId} is the item it belongs to (null for a hall-level FAQ).
 * {@code lexical} is the lexical score alone (words, characters, pinyin), {@code semantic} the
 * cosine of the closest wording's sentence vector (0 without vectors). An item's {@code score} is
 * the two fused ({@link Fusion}); a FAQ's is its lexical score.
 */
public record Candidate(Kind kind, String itemId, String faqId, String matched, double score, double lexical, double semantic) {

    /** A candidate found by the lexical engine alone. */
    public Candidate(Kind kind, String itemId, String faqId, String matched, double score) {
        this(kind, itemId, faqId, matched, score, score, 0);
    }

    /** For an {@code EVENT} (a life event, 一件事), {@code itemId} holds the event's id. */
    public enum Kind {
        ITEM, FAQ, EVENT
    }
}
