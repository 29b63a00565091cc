package org.askonce.knowledge.editing;

import java.time.Instant;
import org.askonce.knowledge.ServiceItem;
import org.springframework.modulith.NamedInterface;

/**
 * One version of an item: its content (with FAQs), who wrote it when, and whether it is a draft, published or superseded;
 * a draft a reviewer sent back carries who did, when and why ({@code returned}, null otherwise).
 */
@NamedInterface("editing")
public record ItemVersion(String itemId, int version, ServiceItem item, State state, String author, Instant createdAt, String note,
                          String publishedBy, Instant publishedAt, Returned returned) {

    /** A version no reviewer sent back. */
    public ItemVersion(String itemId, int version, ServiceItem item, State state, String author, Instant createdAt, String note,
                       String publishedBy, Instant publishedAt) {
        this(itemId, version, item, state, author, createdAt, note, publishedBy, publishedAt, null);
    }

    /** A draft sent back by a reviewer, with the comment the editor reads. */
    public record Returned(String by, Instant at, String comment) {
    }

    /** Whether a reviewer sent this draft back. */
    public boolean wasSentBack() {
        return returned != null;
    }

    public enum State {
        DRAFT, PUBLISHED, SUPERSEDED;

        public String label() {
            return switch (this) {
                case DRAFT -> "草稿";
                case PUBLISHED -> "已发布";
                case SUPERSEDED -> "历史版本";
            };
        }
    }

}
