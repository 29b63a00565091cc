package org.askonce.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which halls each hall-staff account (窗口人员) works in (the {@code staff_hall} table). Only hall
 * staff have halls, at least one, each a bookable hall ({@link HallDirectory}); an admin works every
 * hall without being assigned. Bad input is refused with an {@link IllegalArgumentException} whose
 * Chinese message names it.
 */
@Service
public class HallAssignments {

    private static final Logger log = LoggerFactory.getLogger(HallAssignments.class);

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final ObjectProvider<HallDirectory> directory;

    HallAssignments(JdbcClient jdbc, UserAccounts accounts, ObjectProvider<HallDirectory> directory) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.directory = directory;
    }

    /** Every hall that can be assigned. */
    public List<String> bookableHalls() {
        HallDirectory d = directory.getIfAvailable();
        return d == null ? List.of() : d.hallNames();
    }

    /** The halls the account works in: every bookable hall for an admin, the assigned ones for hall staff, none for others. */
    public List<String> hallsOf(String username) {
        UserAccount account = accounts.find(username).orElse(null);
        if (account == null || !account.role().mayWorkHalls()) {
            return List.of();
        }
        if (account.role() == Role.ADMIN) {
            return bookableHalls();
        }
        List<String> order = bookableHalls();
        return assigned(username).stream().filter(order::contains).sorted((a, b) -> order.indexOf(a) - order.indexOf(b)).toList();
    }

    /** The halls assigned to the account, as stored. */
    public List<String> assigned(String username) {
        return jdbc.sql("SELECT hall FROM staff_hall WHERE username = ? ORDER BY hall").param(username).query(String.class).list();
    }

    /** Every account's assigned halls, by username. */
    public Map<String, List<String>> all() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT username, hall FROM staff_hall ORDER BY username, hall")
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), u -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /**
     * The halls as given, checked for an account of that role: hall staff need at least one bookable
     * hall, other roles none.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public List<String> check(Role role, List<String> halls) {
        Set<String> given = new LinkedHashSet<>();
        if (halls != null) {
            for (String h : halls) {
                if (h != null && !h.isBlank()) {
                    given.add(h.strip());
                }
            }
        }
        if (role != Role.HALL_STAFF) {
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("只有窗口人员可以分配大厅（halls），" + (role == null ? "未选择角色" : "角色是" + role.label()));
            }
            return List.of();
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("窗口人员至少要分配一个大厅（halls）");
        }
        List<String> bookable = bookableHalls();
        for (String h : given) {
            if (!bookable.contains(h)) {
                throw new IllegalArgumentException("大厅“" + h + "”不在可预约的大厅中（halls），可选："
                        + (bookable.isEmpty() ? "（没有可预约的大厅）" : String.join("、", bookable)));
            }
        }
        return List.copyOf(given);
    }

    /**
     * Sets the halls of a hall-staff account (replacing those it had).
     *
     * @throws UnknownUserException     if there is no such account
     * @throws IllegalArgumentException if the account is no hall staff or a hall is not bookable
     */
    @Transactional
    public List<String> assign(String username, List<String> halls) {
        UserAccount account = accounts.find(username).orElseThrow(() -> new UnknownUserException(username));
        List<String> checked = check(account.role(), halls);
        jdbc.sql("DELETE FROM staff_hall WHERE username = ?").param(account.username()).update();
        for (String h : checked) {
            jdbc.sql("INSERT INTO staff_hall (username, hall) VALUES (?, ?)").params(account.username(), h).update();
        }
        log.info("Halls of {} set to {}", account.username(), checked);
        return checked;
    }
}
