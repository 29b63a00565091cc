package org.askonce.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.askonce.calendar.WorkingDays;

/** Counts the bookings of a range of days into {@link BookingStatistics}: made, cancelled, marked, by item and by hall. */
class BookingFigures {

    private final OfferedSlots offered;
    private final JdbcAppointments store;
    private final WorkingDays calendar;

    BookingFigures(OfferedSlots offered, JdbcAppointments store, WorkingDays calendar) {
        this.offered = offered;
        this.store = store;
        this.calendar = calendar;
    }

    /** See {@link Appointments#statistics}. */
    BookingStatistics statistics(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(calendar.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        Map<String, Integer> items = new HashMap<>();
        Map<String, int[]> byHall = new TreeMap<>();
        int made = 0;
        for (Object[] r : store.madeByHallAndItem(start, end)) {
            int n = (Integer) r[2];
            made += n;
            items.merge((String) r[1], n, Integer::sum);
            byHall.computeIfAbsent((String) r[0], k -> new int[3])[0] += n;
        }
        int arrived = 0;
        int noShow = 0;
        for (Object[] r : store.marksByHall(from, to)) {
            int n = (Integer) r[2];
            boolean came = BookingState.ARRIVED.name().equals(r[1]);
            arrived += came ? n : 0;
            noShow += came ? 0 : n;
            byHall.computeIfAbsent((String) r[0], k -> new int[3])[came ? 1 : 2] += n;
        }
        int[] cancelled = store.cancelled(start, end);
        List<BookingStatistics.ItemCount> top = items.entrySet().stream()
                .map(e -> new BookingStatistics.ItemCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(BookingStatistics.ItemCount::bookings).reversed()
                        .thenComparing(BookingStatistics.ItemCount::item))
                .limit(10).toList();
        List<String> order = offered.hallNames();
        List<BookingStatistics.HallCount> hallCounts = byHall.entrySet().stream()
                .map(e -> new BookingStatistics.HallCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt((BookingStatistics.HallCount c) -> order.contains(c.hall()) ? order.indexOf(c.hall()) : order.size())
                        .thenComparing(BookingStatistics.HallCount::hall))
                .toList();
        return new BookingStatistics(from, to, made, cancelled[0], cancelled[1], arrived, noShow,
                arrived + noShow == 0 ? null : (double) noShow / (arrived + noShow), top, hallCounts);
    }
}
