package org.askonce.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The working-day calendar of the district, shared by the agents (hand-off) and the halls
 * (appointments): the working days of the week, minus {@code holidays} (国庆, 春节…), plus
 * {@code extraWorkdays} (调休: a weekend day that is worked). Dates are in {@code zone}.
 * Configured once, as {@code askonce.handoff.zone / workdays / holidays / extra-workdays}.
 */
public record WorkingDays(ZoneId zone, Set<DayOfWeek> workdays, List<LocalDate> holidays, List<LocalDate> extraWorkdays) {

    public WorkingDays {
        if (workdays == null || workdays.isEmpty()) {
            throw new IllegalArgumentException("workdays needs at least one day, e.g. MONDAY");
        }
        workdays = Set.copyOf(workdays);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        extraWorkdays = extraWorkdays == null ? List.of() : List.copyOf(extraWorkdays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkdays.contains(day)) {
            return true;
        }
        return workdays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The first {@code count} working days from {@code from} on ({@code from} included when it is one). */
    public List<LocalDate> next(LocalDate from, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        for (LocalDate d = from; days.size() < count; d = d.plusDays(1)) {
            if (d.isAfter(from.plusDays(366))) {
                throw new IllegalStateException("no " + count + " working days within a year after " + from);
            }
            if (isWorkingDay(d)) {
                days.add(d);
            }
        }
        return List.copyOf(days);
    }
}
