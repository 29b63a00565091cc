package org.askonce.knowledge.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.audit.*}: {@code review-days}, how many days after its last review an item is due
 * for another (default 365).
 */
@ConfigurationProperties("askonce.audit")
public record AuditSettings(@DefaultValue("365") int reviewDays) {

    public AuditSettings {
        if (reviewDays < 1) {
            throw new IllegalArgumentException("askonce.audit.review-days must be at least 1, not " + reviewDays);
        }
    }
}
