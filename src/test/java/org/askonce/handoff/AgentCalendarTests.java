package org.askonce.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HandoffSettings SETTINGS = new HandoffSettings(SHANGHAI, List.of("09:00-12:00", "13:30-17:30"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)), List.of(LocalDate.of(2026, 10, 10)), Duration.ofMinutes(2));
    private final AgentCalendar calendar = new AgentCalendar(SETTINGS);

    private static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SHANGHAI);
    }

    @Test
    void duringAWorkingPeriodAgentsAreThere() {
        assertThat(calendar.nextOpening(at(9, 30, 10, 0).toInstant())).isEmpty(); // a Wednesday morning
    }

    @Test
    void atLunchTheNextOpeningIsTheAfternoon() {
        assertThat(calendar.nextOpening(at(9, 30, 12, 30).toInstant())).contains(at(9, 30, 13, 30));
    }

    @Test
    void onFridayEveningTheNextOpeningIsMondayMorning() {
        assertThat(calendar.nextOpening(at(11, 27, 18, 0).toInstant())).contains(at(11, 30, 9, 0));
    }

    @Test
    void holidaysAreSkippedAndAWorkedSaturdayCounts() {
        assertThat(calendar.nextOpening(at(9, 30, 18, 0).toInstant())).contains(at(10, 5, 9, 0)); // 1, 2 Oct off, then the weekend
        assertThat(calendar.nextOpening(at(10, 10, 10, 0).toInstant())).isEmpty(); // Saturday 10 Oct is worked (调休)
    }

    @Test
    void aBadPeriodIsRejectedWithTheValue() {
        assertThatThrownBy(() -> new HandoffSettings(SHANGHAI, List.of("17:00-09:00"), EnumSet.of(DayOfWeek.MONDAY), List.of(), List.of(), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17:00-09:00");
        assertThatThrownBy(() -> new HandoffSettings(SHANGHAI, List.of("9点到5点"), EnumSet.of(DayOfWeek.MONDAY), List.of(), List.of(), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9点到5点");
    }
}
