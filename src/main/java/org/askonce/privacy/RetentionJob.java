package org.askonce.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The nightly purge of personal data: every module's {@link PersonalDataPurge}, on
 * {@code askonce.privacy.purge-cron} in {@code askonce.privacy.zone} (registered here rather than with
 * {@code @Scheduled} so that the schedule is the validated setting and {@code -} turns it off). Every
 * instance runs it; the purges are idempotent. The counts are logged at INFO.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final List<PersonalDataPurge> purges;
    private final PrivacySettings settings;
    private final Clock clock;

    @Autowired
    RetentionJob(List<PersonalDataPurge> purges, PrivacySettings settings) {
        this(purges, settings, Clock.systemUTC());
    }

    RetentionJob(List<PersonalDataPurge> purges, PrivacySettings settings, Clock clock) {
        this.purges = List.copyOf(purges);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.purgeCron().equals(PrivacySettings.OFF)) {
            log.info("Personal data purge: off (askonce.privacy.purge-cron=-)");
            return;
        }
        registrar.addTriggerTask(() -> purge(clock.instant()), new CronTrigger(settings.purgeCron(), settings.zone()));
        log.info("Personal data purge: '{}' ({}), conversations kept {} days, clear text {} days after a hand-off",
                settings.purgeCron(), settings.zone(), settings.retention().toDays(), settings.clearTextRetention().toDays());
    }

    /** Runs every purge as of {@code now}; returns what each did (one failing does not stop the others). */
    public Map<String, Integer> purge(Instant now) {
        long start = System.nanoTime();
        Map<String, Integer> done = new LinkedHashMap<>();
        for (PersonalDataPurge purge : purges) {
            try {
                purge.purge(now).forEach((what, n) -> done.merge(what, n, Integer::sum));
            } catch (RuntimeException e) {
                log.error("Personal data purge {} failed", purge.getClass().getSimpleName(), e);
            }
        }
        log.info("Personal data purged in {} ms: {}", (System.nanoTime() - start) / 1_000_000, done);
        return done;
    }
}
