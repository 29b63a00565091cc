package org.askonce.knowledge;

/**
 * What citizens search was rebuilt for a publication on this instance — or could not be: with
 * {@code failure} set, citizens keep getting the previous index and {@code failure} says why.
 * {@code items} items, built (or tried) in {@code millis} ms.
 */
public record KnowledgeIndexed(long publication, int items, long millis, String failure) {

    public static KnowledgeIndexed built(long publication, int items, long millis) {
        return new KnowledgeIndexed(publication, items, millis, null);
    }

    public static KnowledgeIndexed failed(long publication, int items, long millis, String failure) {
        return new KnowledgeIndexed(publication, items, millis, failure == null ? "unknown error" : failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
