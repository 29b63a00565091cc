package org.askonce.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.database.*}: how the instance watches its database (PostgreSQL; an embedded H2
 * cannot go away and is not watched).
 *
 * @param probeInterval how often the database is asked whether it answers
 * @param probeTimeout  how long an answer may take: two probes in a row without one (the second right
 *                      after the first) are an outage; also the longest {@code /actuator/health} waits for the database
 */
@ConfigurationProperties("askonce.database")
public record DatabaseSettings(
        @DefaultValue("300ms") Duration probeInterval,
        @DefaultValue("600ms") Duration probeTimeout) {

    public DatabaseSettings {
        requirePositive("probe-interval", probeInterval);
        requirePositive("probe-timeout", probeTimeout);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("askonce.database." + name + " must be positive, was " + d);
        }
    }
}
