package org.askonce.appointments;

import java.nio.file.Path;
import java.time.Clock;
import org.askonce.accounts.HallDirectory;
import org.askonce.calendar.WorkingDays;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class AppointmentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AppointmentsConfiguration.class);

    /** The halls file of the knowledge base, checked against the knowledge base's items. */
    @Bean
    BookableHalls bookableHalls(KnowledgeSettings knowledge, KnowledgeBase knowledgeBase, AppointmentSettings settings) {
        Path file = knowledge.knowledgeBase().resolve("appointments.yaml");
        BookableHalls halls = BookableHalls.read(file);
        for (BookableHalls.Hall hall : halls.halls()) {
            for (String item : hall.items()) {
                knowledgeBase.snapshot().itemByName(item).ifPresentOrElse(i -> {
                    if (i.halls().stream().noneMatch(h -> h.name().equals(hall.name()))) {
                        log.warn("{}: hall '{}' is not among the halls of item '{}'", file, hall.name(), item);
                    }
                }, () -> log.warn("{}: hall '{}' lists item '{}', which the knowledge base does not have", file, hall.name(), item));
            }
        }
        log.info("Appointments: {} halls take bookings for {} items ({}), {} working days ahead, closing {} before a slot",
                halls.halls().size(), halls.itemCount(), file, settings.days(), settings.closeBefore());
        return halls;
    }

    @Bean
    JdbcAppointments jdbcAppointments(JdbcClient jdbc) {
        return new JdbcAppointments(jdbc);
    }

    @Bean
    OfferedSlots offeredSlots(BookableHalls halls, JdbcAppointments store, WorkingDays calendar, AppointmentSettings settings) {
        return new OfferedSlots(halls, store, calendar, settings, Clock.systemUTC());
    }

    @Bean
    Appointments appointments(OfferedSlots offered, JdbcAppointments store, PlatformTransactionManager transactionManager,
            WorkingDays calendar, AppointmentSettings settings) {
        return new Appointments(offered, store, new TransactionTemplate(transactionManager), calendar, settings, Clock.systemUTC());
    }

    @Bean
    HallDesk hallDesk(OfferedSlots offered, JdbcAppointments store, WorkingDays calendar) {
        return new HallDesk(offered, store, calendar, Clock.systemUTC());
    }

    @Bean
    SlotClosings slotClosings(OfferedSlots offered, JdbcAppointments store, PlatformTransactionManager transactionManager,
            WorkingDays calendar, AppointmentSettings settings, ApplicationEventPublisher events) {
        return new SlotClosings(offered, store, new TransactionTemplate(transactionManager), calendar, settings, Clock.systemUTC(), events);
    }

    /** The halls hall staff can be assigned to (the accounts module asks). */
    @Bean
    HallDirectory hallDirectory(Appointments appointments) {
        return appointments::hallNames;
    }

    @Bean
    BookingChat bookingChat(Appointments appointments, JdbcClient jdbc, KnowledgeBase knowledgeBase) {
        return new BookingChat(appointments, new JdbcBookingDrafts(jdbc), knowledgeBase, Clock.systemUTC());
    }
}
