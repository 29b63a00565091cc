package org.askonce.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A hall's bookings as one CSV file for Excel, in the style of the analytics export: UTF-8 with a
 * byte-order mark (without it Excel reads Chinese as GBK), CRLF line ends, a title line, a header
 * line, one line per booking. A cell that starts like a formula (= + - @) gets a leading
 * apostrophe: items, reasons and staff names are typed by people.
 */
final class HallCsv {

    static final String BOM = "\uFEFF";

    private HallCsv() {
    }

    static String write(String hall, LocalDate from, LocalDate to, List<HallBooking> bookings, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<String> lines = new ArrayList<>();
        lines.add(row(hall + " 预约名单", from + " 至 " + to));
        lines.add(row("日期", "开始", "结束", "预约号", "事项", "手机号", "状态", "操作人", "操作时间", "取消原因", "预约时间"));
        for (HallBooking b : bookings) {
            Appointment a = b.appointment();
            lines.add(row(a.date(), a.start(), a.end(), a.code(), a.item(), b.phone(), b.state().label(), text(b.markedBy()),
                    at(time, b.markedAt()), text(b.hallReason()), at(time, b.bookedAt())));
        }
        return BOM + String.join("\r\n", lines) + "\r\n";
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String at(DateTimeFormatter time, Instant at) {
        return at == null ? "" : time.format(at);
    }

    private static String row(Object... cells) {
        return Stream.of(cells).map(c -> cell(String.valueOf(c))).collect(Collectors.joining(","));
    }

    static String cell(String value) {
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
