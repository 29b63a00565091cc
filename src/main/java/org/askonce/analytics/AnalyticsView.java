package org.askonce.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.askonce.dialogue.HandoffRequested;

/** How the dashboard and the CSV write figures: shares as percentages, waits in minutes, times in the zone. */
final class AnalyticsView {

    private final DateTimeFormatter time;

    AnalyticsView(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** 0.8512 → 85.1%; no share (nothing to divide by) → —. */
    public String percent(Double share) {
        return share == null ? "—" : Charts.percent(share);
    }

    /** 75 → 1分15秒; no wait → —. */
    public String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? h + "小时" + m + "分" : m > 0 ? m + "分" + s + "秒" : s + "秒";
    }

    public String time(Instant at) {
        return at == null ? "" : time.format(at);
    }

    public String reason(HandoffRequested.Reason reason) {
        return reason.label();
    }
}
