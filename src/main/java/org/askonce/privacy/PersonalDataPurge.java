package org.askonce.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * Citizens' personal data a module keeps, which must not outlive {@link PrivacySettings}: the module
 * that owns the data implements this, and the nightly {@link RetentionJob} calls every implementation.
 */
public interface PersonalDataPurge {

    /**
     * Deletes or masks what has outlived its retention at {@code now}; returns how many of what
     * (e.g. "conversations" → 3), for the log.
     */
    Map<String, Integer> purge(Instant now);
}
