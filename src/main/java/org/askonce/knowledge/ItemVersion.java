package org.askonce.knowledge;

import java.time.Instant;

/** One version of an item: its content (with FAQs), who wrote it when, and whether it is a draft, published or superseded. */
public record ItemVersion(String itemId, int version, ServiceItem item, State state, String author, Instant createdAt, String note,
                          String publishedBy, Instant publishedAt) {

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

    /** One difference between two versions: the field's path, its value before and after (JSON text, null if absent). */
    public record Change(String path, String before, String after) {
    }

    /** An entry of the audit log. */
    public record LogEntry(long id, Instant at, String username, String action, String itemId, Integer version, String detail) {

        /** The action as editors read it (草稿修改, 发布…); an unknown code as it is. */
        public String actionLabel() {
            return switch (action) {
                case "DRAFT" -> "草稿修改";
                case "DISCARD" -> "放弃草稿";
                case "PUBLISH" -> "发布";
                case "ROLLBACK" -> "回滚";
                case "IMPORT" -> "导入";
                default -> action;
            };
        }
    }
}
