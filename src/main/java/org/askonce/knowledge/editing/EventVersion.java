package org.askonce.knowledge.editing;

import java.time.Instant;
import org.askonce.knowledge.LifeEvent;

/**
 * One version of a life event (一件事): its content, who wrote it when, and whether it is a draft,
 * published, superseded or retired (停用: no longer answered); a draft a reviewer sent back carries who
 * did, when and why ({@code returned}, null otherwise). The event's counterpart of {@link ItemVersion}.
 */
public record EventVersion(String eventId, int version, LifeEvent event, State state, String author, Instant createdAt, String note,
                           String publishedBy, Instant publishedAt, ItemVersion.Returned returned) {

    /** Whether a reviewer sent this draft back. */
    public boolean wasSentBack() {
        return returned != null;
    }

    public enum State {
        DRAFT, PUBLISHED, SUPERSEDED, RETIRED;

        public String label() {
            return switch (this) {
                case DRAFT -> "草稿";
                case PUBLISHED -> "已发布";
                case SUPERSEDED -> "历史版本";
                case RETIRED -> "已停用";
            };
        }
    }
}
