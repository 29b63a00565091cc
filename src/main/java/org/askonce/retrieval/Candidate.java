package org.askonce.retrieval;

/**
 * One thing that may answer a question: a service item or a FAQ, with the 0..1 score of its best
 * matching wording ({@code matched}: the name, alias, keyword, or FAQ question / similar question).
 * For a FAQ, {@code itemId} is the item it belongs to (null for a hall-level FAQ).
 */
public record Candidate(Kind kind, String itemId, String faqId, String matched, double score) {

    public enum Kind {
        ITEM, FAQ
    }
}
