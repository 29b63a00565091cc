package org.askonce.privacy;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code askonce.privacy.*}: how long citizens' conversations are kept after their last message
 * ({@code retention}, 180 days; open hand-offs are kept whatever their age), how long the clear text
 * of what a citizen typed is kept for agents after their hand-off ended ({@code clear-text-retention},
 * 7 days: enough to call back), and when the purge runs ({@code purge-cron} in {@code zone}, every
 * night at 03:30; {@code -} turns it off).
 */
@ConfigurationProperties("askonce.privacy")
public record PrivacySettings(
        @DefaultValue("180d") Duration retention,
        @DefaultValue("7d") Duration clearTextRetention,
        @DefaultValue("0 30 3 * * *") String purgeCron,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {

    /** The value of {@code purge-cron} that turns the scheduled purge off. */
    public static final String OFF = "-";

    public PrivacySettings {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("askonce.privacy.retention must be positive, e.g. 180d, was " + retention);
        }
        if (clearTextRetention == null || clearTextRetention.isNegative()) {
            throw new IllegalArgumentException("askonce.privacy.clear-text-retention must not be negative, e.g. 7d, was "
                    + clearTextRetention);
        }
        if (purgeCron == null || !(purgeCron.equals(OFF) || CronExpression.isValidExpression(purgeCron))) {
            throw new IllegalArgumentException("askonce.privacy.purge-cron must be a cron expression such as '0 30 3 * * *' or '-' (off), was '"
                    + purgeCron + "'");
        }
        if (zone == null) {
            zone = ZoneId.of("Asia/Shanghai");
        }
    }

    public static PrivacySettings defaults() {
        return new PrivacySettings(Duration.ofDays(180), Duration.ofDays(7), "0 30 3 * * *", ZoneId.of("Asia/Shanghai"));
    }
}
