package org.askonce.knowledge;

/**
 * The sentence vectors of a publication's wordings are being computed on this instance (a large
 * import): {@code done} of {@code total}. Until they are all done the search answers from the words
 * alone; at {@code done == total} it answers by meaning too.
 */
public record KnowledgeEmbedding(long publication, int done, int total) {

    public boolean finished() {
        return done >= total;
    }
}
