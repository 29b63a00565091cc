package org.askonce.appointments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.appointments.*}: {@code days} working days are offered (today included);
 * bookings for a slot close {@code close-before} its start; a phone number holds at most
 * {@code open-per-phone} open bookings; the phone given stays in clear until
 * {@code phone-retention} after the visit, then is masked. The reminder of
 * tomorrow's bookings goes out on {@code reminder-cron} ({@code -}: never). Which halls take bookings for which
 * items, with slot length, capacity and hours, is knowledge: {@code <knowledge-base>/appointments.yaml}.
 */
@ConfigurationProperties("askonce.appointments")
public record AppointmentSettings(
        @DefaultValue("5") int days,
        @DefaultValue("2h") Duration closeBefore,
        @DefaultValue("3") int openPerPhone,
        @DefaultValue("30d") Duration phoneRetention,
        @DefaultValue("0 0 18 * * *") String reminderCron) {

    public AppointmentSettings {
        if (reminderCron == null || !(reminderCron.equals("-") || org.springframework.scheduling.support.CronExpression.isValidExpression(reminderCron))) {
            throw new IllegalArgumentException("askonce.appointments.reminder-cron must be a cron expression such as '0 0 18 * * *' or -, was " + reminderCron);
        }
        if (days < 1 || days > 30) {
            throw new IllegalArgumentException("askonce.appointments.days must be 1 to 30, was " + days);
        }
        if (closeBefore == null || closeBefore.isNegative()) {
            throw new IllegalArgumentException("askonce.appointments.close-before must be a duration such as 2h, was " + closeBefore);
        }
        if (openPerPhone < 1) {
            throw new IllegalArgumentException("askonce.appointments.open-per-phone must be at least 1, was " + openPerPhone);
        }
        if (phoneRetention == null || phoneRetention.isNegative()) {
            throw new IllegalArgumentException("askonce.appointments.phone-retention must be a duration such as 30d, was " + phoneRetention);
        }
    }
}
