package org.askonce.dialogue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.dialogue.*}: how long a conversation keeps its context, how many unsure replies
 * in a row lead to a hand-off, and the notice shown under answers while the knowledge base is
 * sample data (empty to show none).
 */
@ConfigurationProperties("askonce.dialogue")
public record DialogueSettings(
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("2") int unsureLimit,
        @DefaultValue("（示例数据，以官方发布为准）") String notice,
        @DefaultValue("12345") String hotline) {

    public DialogueSettings {
        if (sessionTimeout == null || sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("askonce.dialogue.session-timeout must be positive, was " + sessionTimeout);
        }
        if (unsureLimit < 1) {
            throw new IllegalArgumentException("askonce.dialogue.unsure-limit must be at least 1, was " + unsureLimit);
        }
        notice = notice == null ? "" : notice;
    }

    public static DialogueSettings defaults() {
        return new DialogueSettings(Duration.ofMinutes(30), 2, "（示例数据，以官方发布为准）", "12345");
    }
}
