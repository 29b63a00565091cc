package org.askonce.appointments;

import java.time.Clock;
import java.time.Instant;
import org.askonce.calendar.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The reminder the day before a visit, on {@code askonce.appointments.reminder-cron} (18:00 by default,
 * in the calendar's zone; {@code -} turns it off): one {@link AppointmentReminderDue} per booking of
 * tomorrow, which the WeChat channel pushes through its outbox. Web citizens see theirs on their next
 * visit ({@link Appointments#webReminders}).
 */
@Configuration(proxyBeanMethods = false)
class AppointmentReminders implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);

    private final Appointments appointments;
    private final ApplicationEventPublisher events;
    private final AppointmentSettings settings;
    private final WorkingDays calendar;
    private final Clock clock = Clock.systemUTC();

    AppointmentReminders(Appointments appointments, ApplicationEventPublisher events, AppointmentSettings settings, WorkingDays calendar) {
        this.appointments = appointments;
        this.events = events;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.reminderCron().equals("-")) {
            log.info("Appointment reminders: off (askonce.appointments.reminder-cron=-)");
            return;
        }
        registrar.addTriggerTask(() -> remind(clock.instant()), new CronTrigger(settings.reminderCron(), calendar.zone()));
        log.info("Appointment reminders: '{}' ({}), for the next day's bookings", settings.reminderCron(), calendar.zone());
    }

    /** Sends tomorrow's reminders as of {@code now}; how many. */
    int remind(Instant now) {
        int sent = appointments.remind(now, events::publishEvent);
        log.info("Appointment reminders sent: {}", sent);
        return sent;
    }
}
