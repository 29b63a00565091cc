package org.askonce.knowledge;

import java.time.Instant;

/**
 * The published knowledge base changed (an editor published, rolled back or imported, on this
 * instance or another): the new snapshot is {@link KnowledgeBase#snapshot()}; whatever is built
 * from it (dictionary, index) should be rebuilt.
 */
public record KnowledgePublished(long publication, Instant at) {
}
