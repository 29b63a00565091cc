package org.askonce.appointments;

import java.time.Instant;
import java.util.Map;
import org.askonce.privacy.PersonalDataPurge;
import org.springframework.stereotype.Component;

/** The phone given with a booking is masked {@code askonce.appointments.phone-retention} (30 days) after the visit. */
@Component
class AppointmentPhonePurge implements PersonalDataPurge {

    private final Appointments appointments;

    AppointmentPhonePurge(Appointments appointments) {
        this.appointments = appointments;
    }

    @Override
    public Map<String, Integer> purge(Instant now) {
        return Map.of("appointment phones", appointments.maskExpiredPhones(now));
    }
}
