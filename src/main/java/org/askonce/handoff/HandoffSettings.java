package org.askonce.handoff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.askonce.calendar.WorkingDays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.handoff.*}: when agents work. {@code hours} are periods of a working day
 * ({@code 09:00-12:00}); {@code workdays} the days of the week that are working days;
 * {@code holidays} dates off although on a workday (国庆, 春节…); {@code extra-workdays} weekend dates
 * that are worked (调休). All in {@code zone}. {@code online-within}: an agent who used the console or
 * the agent API this recently is online (offered for transfers).
 */
@ConfigurationProperties("askonce.handoff")
public record HandoffSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue({"09:00-12:00", "13:30-17:30"}) List<String> hours,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workdays,
        @DefaultValue List<LocalDate> holidays,
        @DefaultValue List<LocalDate> extraWorkdays,
        @DefaultValue("2m") Duration onlineWithin) {

    /** One working period of a day. */
    public record Period(LocalTime start, LocalTime end) {
    }

    public HandoffSettings {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        extraWorkdays = extraWorkdays == null ? List.of() : List.copyOf(extraWorkdays);
        if (hours == null || hours.isEmpty()) {
            throw new IllegalArgumentException("askonce.handoff.hours needs at least one period such as 09:00-17:00");
        }
        periods(hours); // validates
        if (onlineWithin == null || onlineWithin.isNegative() || onlineWithin.isZero()) {
            throw new IllegalArgumentException("askonce.handoff.online-within must be a positive duration such as 2m, was " + onlineWithin);
        }
        if (workdays == null || workdays.isEmpty()) {
            throw new IllegalArgumentException("askonce.handoff.workdays needs at least one day, e.g. MONDAY");
        }
    }

    /** The district's working-day calendar, shared with the halls' appointments. */
    public WorkingDays workingDays() {
        return new WorkingDays(zone, workdays, holidays, extraWorkdays);
    }

    public List<Period> periods() {
        return periods(hours);
    }

    private static List<Period> periods(List<String> hours) {
        List<Period> out = new ArrayList<>();
        for (String h : hours) {
            String[] parts = h.strip().split("-");
            try {
                Period p = new Period(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
                if (parts.length != 2 || !p.start().isBefore(p.end())) {
                    throw new IllegalArgumentException();
                }
                out.add(p);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("askonce.handoff.hours: '" + h + "' is not a period such as 09:00-12:00");
            }
        }
        out.sort((a, b) -> a.start().compareTo(b.start()));
        return List.copyOf(out);
    }
}
