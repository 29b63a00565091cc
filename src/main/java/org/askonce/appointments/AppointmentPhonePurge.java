package org.askonce.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.askonce.calendar.WorkingDays;
import org.askonce.privacy.PersonalData;
import org.askonce.privacy.PersonalDataPurge;
import org.springframework.stereotype.Component;

/** The phone given with a booking is masked {@code askonce.appointments.phone-retention} (30 days) after the visit. */
@Component
class AppointmentPhonePurge implements PersonalDataPurge {

    private final JdbcAppointments store;
    private final WorkingDays calendar;
    private final AppointmentSettings settings;

    AppointmentPhonePurge(JdbcAppointments store, WorkingDays calendar, AppointmentSettings settings) {
        this.store = store;
        this.calendar = calendar;
        this.settings = settings;
    }

    @Override
    public Map<String, Integer> purge(Instant now) {
        return Map.of("appointment phones", maskExpiredPhones(now));
    }

    /** Masks the phone of bookings whose visit was more than the retention before {@code now} (the nightly retention job); how many. */
    int maskExpiredPhones(Instant now) {
        LocalDate before = LocalDate.ofInstant(now, calendar.zone()).minusDays(settings.phoneRetention().toDays());
        return store.maskPhones(before, PersonalData::mask);
    }
}
