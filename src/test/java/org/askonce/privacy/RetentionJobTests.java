package org.askonce.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.TriggerTask;
import org.springframework.scheduling.support.CronTrigger;

/** The nightly purge: when it runs, and that it runs every module's purge. */
class RetentionJobTests {

    private static PrivacySettings cron(String cron) {
        return new PrivacySettings(Duration.ofDays(180), Duration.ofDays(7), cron, ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void runsEveryModulesPurgeAndAddsUpWhatEachDid() {
        List<Instant> asked = new ArrayList<>();
        PersonalDataPurge a = now -> {
            asked.add(now);
            return Map.of("conversations", 2);
        };
        PersonalDataPurge b = now -> Map.of("conversations", 1, "contact phones masked", 4);
        Instant now = Instant.parse("2025-03-03T19:30:00Z");

        Map<String, Integer> done = new RetentionJob(List.of(a, b), PrivacySettings.defaults()).purge(now);

        assertThat(asked).containsExactly(now);
        assertThat(done).containsEntry("conversations", 3).containsEntry("contact phones masked", 4);
    }

    @Test
    void aFailingPurgeDoesNotStopTheOthers() {
        PersonalDataPurge failing = now -> {
            throw new IllegalStateException("database gone");
        };
        PersonalDataPurge working = now -> Map.of("clear texts", 5);

        assertThat(new RetentionJob(List.of(failing, working), PrivacySettings.defaults()).purge(Instant.now()))
                .containsEntry("clear texts", 5);
    }

    @Test
    void isScheduledOnTheConfiguredCronInTheConfiguredZone() {
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

        new RetentionJob(List.of(), cron("0 15 2 * * *")).configureTasks(registrar);

        assertThat(registrar.getTriggerTaskList()).singleElement().extracting(TriggerTask::getTrigger)
                .isEqualTo(new CronTrigger("0 15 2 * * *", ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void aDashTurnsTheScheduleOff() {
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

        new RetentionJob(List.of(), cron("-")).configureTasks(registrar);

        assertThat(registrar.getTriggerTaskList()).isEmpty();
    }

    @Test
    void anInvalidCronIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> cron("every night")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("askonce.privacy.purge-cron").hasMessageContaining("every night");
    }

    @Test
    void aRetentionOfZeroIsRefused() {
        assertThatThrownBy(() -> new PrivacySettings(Duration.ZERO, Duration.ofDays(7), "-", ZoneId.of("Asia/Shanghai")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("askonce.privacy.retention");
    }
}
