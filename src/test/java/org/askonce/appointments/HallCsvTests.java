package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hall's CSV export as Excel reads it: BOM, CRLF, Chinese headers, phones as stored, no formulas. */
class HallCsvTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 8);

    private static HallBooking booking(String code, String item, String phone, BookingState state, String by, String reason) {
        return new HallBooking(new Appointment(code, item, "市民中心", DAY, "09:00", "09:30"), phone, state, by,
                by == null ? null : Instant.parse("2026-12-08T01:05:00Z"), reason, Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void startsWithTheByteOrderMarkAndTheChineseHeaders() {
        String csv = HallCsv.write("市民中心", DAY, DAY, List.of(), SHANGHAI);
        assertThat(csv).isEqualTo("\uFEFF市民中心 预约名单,2026-12-08 至 2026-12-08\r\n"
                + "日期,开始,结束,预约号,事项,手机号,状态,操作人,操作时间,取消原因,预约时间\r\n");
    }

    @Test
    void aMarkedBookingShowsItsStateWhoAndWhenInTheHallsZone() {
        String csv = HallCsv.write("市民中心", DAY, DAY, List.of(booking("ABC234", "养犬登记", "13912345678", BookingState.ARRIVED, "wang", null)), SHANGHAI);
        assertThat(csv).endsWith("2026-12-08,09:00,09:30,ABC234,养犬登记,13912345678,已到,wang,2026-12-08 09:05,,2026-12-07 08:00\r\n");
    }

    @Test
    void aMaskedPhoneStaysMasked() {
        String csv = HallCsv.write("市民中心", DAY, DAY, List.of(booking("ABC234", "养犬登记", "139****5678", BookingState.NO_SHOW, "wang", null)), SHANGHAI);
        assertThat(csv).contains(",139****5678,未到,").doesNotContain("13912345678");
    }

    @Test
    void cellsThatStartLikeAFormulaGetAnApostropheAndCommasAreQuoted() {
        String csv = HallCsv.write("市民中心", DAY, DAY, List.of(booking("ABC234", "=HYPERLINK(\"x\")", "13912345678",
                BookingState.CANCELLED_BY_HALL, "@wang", "+停电,下午恢复")), SHANGHAI);
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\")\",", ",因故取消,'@wang,", ",\"'+停电,下午恢复\",");
        assertThat(HallCsv.cell("-1")).isEqualTo("'-1");
    }
}
