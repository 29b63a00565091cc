package org.askonce.handoff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.askonce.dialogue.AgentAvailability;
import org.springframework.stereotype.Component;

/** The agents' working calendar: working days (weekdays, minus holidays, plus 调休 days) and daily periods. */
@Component
class AgentCalendar implements AgentAvailability {

    private final HandoffSettings settings;

    AgentCalendar(HandoffSettings settings) {
        this.settings = settings;
    }

    boolean workingDay(LocalDate day) {
        return settings.workingDays().isWorkingDay(day);
    }

    @Override
    public Optional<ZonedDateTime> nextOpening(Instant now) {
        ZonedDateTime t = now.atZone(settings.zone());
        for (int d = 0; d < 60; d++) {
            LocalDate day = t.toLocalDate().plusDays(d);
            if (!workingDay(day)) {
                continue;
            }
            for (HandoffSettings.Period p : settings.periods()) {
                ZonedDateTime start = day.atTime(p.start()).atZone(settings.zone());
                ZonedDateTime end = day.atTime(p.end()).atZone(settings.zone());
                if (d == 0 && !t.isBefore(start) && t.isBefore(end)) {
                    return Optional.empty(); // open now
                }
                if (start.isAfter(t)) {
                    return Optional.of(start);
                }
            }
        }
        throw new IllegalStateException("askonce.handoff: no working period in the next 60 days");
    }
}
