package org.askonce.analytics;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.analytics.*}: the time zone whose calendar days the dashboard counts in, the score
 * under which an answer or a menu counts as unsure (its question is listed with the unanswered ones),
 * and how many rows the top-items and unanswered tables show.
 */
@ConfigurationProperties("askonce.analytics")
public record AnalyticsSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("0.5") double lowConfidence,
        @DefaultValue("20") int top) {

    public AnalyticsSettings {
        if (!(lowConfidence >= 0 && lowConfidence <= 1)) {
            throw new IllegalArgumentException("askonce.analytics.low-confidence must be between 0 and 1, was " + lowConfidence);
        }
        if (top < 1) {
            throw new IllegalArgumentException("askonce.analytics.top must be >= 1, was " + top);
        }
    }

    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(ZoneId.of("Asia/Shanghai"), 0.5, 20);
    }
}
