package org.askonce.appointments;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code appointment_chat} table: a booking under way in the chat, per citizen. */
class JdbcBookingDrafts {

    /** Where a booking in the chat is: choosing a hall, a day, a slot, giving the phone; or choosing what to cancel. */
    enum Step { HALL, DAY, SLOT, PHONE, CANCEL }

    record Draft(Step step, String item, String hall, LocalDate date, String start, List<String> options) {

        Draft with(Step newStep, List<String> newOptions) {
            return new Draft(newStep, item, hall, date, start, newOptions);
        }
    }

    private final JdbcClient jdbc;

    JdbcBookingDrafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Draft> find(String citizen, Instant since) {
        return jdbc.sql("SELECT step, item, hall, visit_date, start_time, options FROM appointment_chat WHERE citizen = ? AND updated_at >= ?")
                .params(citizen, Timestamp.from(since))
                .query((rs, n) -> new Draft(Step.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5),
                        rs.getString(6).isEmpty() ? List.of() : Arrays.asList(rs.getString(6).split("\n"))))
                .optional();
    }

    void save(String citizen, Draft d, Instant at) {
        forget(citizen);
        jdbc.sql("INSERT INTO appointment_chat (citizen, step, item, hall, visit_date, start_time, options, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(citizen, d.step().name(), d.item(), d.hall(), d.date() == null ? null : Date.valueOf(d.date()), d.start(),
                        String.join("\n", d.options()), Timestamp.from(at))
                .update();
    }

    void forget(String citizen) {
        jdbc.sql("DELETE FROM appointment_chat WHERE citizen = ?").param(citizen).update();
    }
}
