package org.askonce.knowledge;

/**
 * What citizens search was rebuilt for a publication and swapped in on this instance: from now on
 * questions are answered from it ({@code items} items, built in {@code millis} ms).
 */
public record KnowledgeIndexed(long publication, int items, long millis) {
}
