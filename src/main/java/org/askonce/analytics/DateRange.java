package org.askonce.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Calendar days {@code from} to {@code to}, both included, at most {@value #MAX_DAYS} days. The
 * messages are in Chinese: they are shown to the person who typed the dates.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;

    /**
     * @throws IllegalArgumentException if a date is missing, {@code from} is after {@code to} or the
     *                                  range is longer than {@value #MAX_DAYS} days
     */
    public DateRange {
        if (from == null || to == null) {
            throw new IllegalArgumentException("请填写开始日期和结束日期");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("开始日期 " + from + " 晚于结束日期 " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("日期范围最多 " + MAX_DAYS + " 天，" + from + " 至 " + to + " 共 " + days + " 天");
        }
    }

    /** The last {@value #DEFAULT_DAYS} days up to and including {@code today}. */
    public static DateRange lastDays(LocalDate today) {
        return new DateRange(today.minusDays(DEFAULT_DAYS - 1), today);
    }

    /**
     * Dates as typed (yyyy-MM-dd); either may be blank: {@code to} defaults to today, {@code from} to
     * {@value #DEFAULT_DAYS} days before {@code to}.
     *
     * @throws IllegalArgumentException if a date cannot be read or the range is not valid
     */
    public static DateRange parse(String from, String to, LocalDate today) {
        LocalDate end = blank(to) ? today : date(to, "结束日期");
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date(from, "开始日期");
        return new DateRange(start, end);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** The first instant of {@code from} in the zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in the zone (exclusive end). */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            String shown = text.strip().length() > 30 ? text.strip().substring(0, 30) + "…" : text.strip();
            throw new IllegalArgumentException(what + "格式应为 2025-01-31，收到的是 " + shown);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
