package org.askonce.knowledge;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.time-zone}: the zone the editor and reviewer pages show times in (versions, the
 * review queue, the audit log, imports), {@code Asia/Shanghai} unless set; times are stored in UTC.
 */
@ConfigurationProperties("askonce")
public record EditorSettings(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {

    /** Items listed on a page of the editor console (an imported catalogue has thousands). */
    public static final int PAGE_SIZE = 50;

    public EditorSettings {
        if (timeZone == null) {
            timeZone = ZoneId.of("Asia/Shanghai");
        }
    }

    /** {@code 2026-12-07 22:40}, in the configured zone; empty for no time. */
    public String minutes(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(timeZone).format(t);
    }

    /** {@code 2026-12-07 22:40:05}, in the configured zone; empty for no time. */
    public String seconds(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(timeZone).format(t);
    }
}
