package org.askonce.knowledge.editing;

/**
 * An item waiting in the review queue: its latest draft (author, when, note), the version citizens
 * get now ({@code null} for a new item never published) and how many drafts wait since it.
 */
public record PendingDraft(ItemVersion draft, Integer publishedVersion, int drafts) {

    public String itemId() {
        return draft.itemId();
    }

    public String itemName() {
        return draft.item().name();
    }

    /** A new item: nothing published to compare with. */
    public boolean isNew() {
        return publishedVersion == null;
    }
}
