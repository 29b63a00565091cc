package org.askonce.appointments;

import java.time.LocalDate;
import java.util.List;

/**
 * 预约办事 in figures for the calendar days {@code from}..{@code to} (both included, in the calendar's
 * zone). {@code made}: bookings made on those days; {@code cancelledByCitizen} and
 * {@code cancelledByHall}: bookings cancelled on those days; {@code arrived} and {@code noShow}:
 * visits on those days that staff marked so; {@code noShowRate = noShow / (arrived + noShow)},
 * {@code null} when nothing was marked. {@code topItems}: the items of the bookings made, most
 * booked first (at most 10); {@code halls}: every hall with a booking made or a visit in the range.
 */
public record BookingStatistics(LocalDate from, LocalDate to, int made, int cancelledByCitizen, int cancelledByHall, int arrived,
        int noShow, Double noShowRate, List<ItemCount> topItems, List<HallCount> halls) {

    public BookingStatistics {
        topItems = List.copyOf(topItems);
        halls = List.copyOf(halls);
    }

    /** An item and how many bookings were made for it. */
    public record ItemCount(String item, int bookings) {
    }

    /** A hall: bookings made for it, and its visits marked arrived and no-show. */
    public record HallCount(String hall, int made, int arrived, int noShow) {
    }
}
