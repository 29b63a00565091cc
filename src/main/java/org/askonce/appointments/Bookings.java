package org.askonce.appointments;

import static org.askonce.appointments.OfferedSlots.HH_MM;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.askonce.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A citizen's bookings: booking a slot within the limits the database keeps for every instance at
 * once (the slot's capacity, one open booking per citizen, item and day, at most
 * {@code open-per-phone} open bookings per phone number, counted under a lock on the phone's row),
 * listing the open ones, and cancelling one.
 */
class Bookings {

    private static final Logger log = LoggerFactory.getLogger(Bookings.class);
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final OfferedSlots offered;
    private final JdbcAppointments store;
    private final TransactionTemplate transactions;
    private final AppointmentSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Bookings(OfferedSlots offered, JdbcAppointments store, TransactionTemplate transactions, AppointmentSettings settings, Clock clock) {
        this.offered = offered;
        this.store = store;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** See {@link Appointments#book}. */
    Appointment book(String citizen, BookingRequest request) {
        if (citizen == null || citizen.isBlank()) {
            throw new IllegalArgumentException("预约需要市民身份");
        }
        if (request == null) {
            throw new IllegalArgumentException("请给出要预约的事项、大厅、日期、时段和手机号");
        }
        BookableHalls.Hall hall = offered.hallsOf(request.item(), request.hall()).get(0);
        if (request.hall() == null || request.hall().isBlank()) {
            throw new IllegalArgumentException("请给出要预约的大厅（hall），可选：" + String.join("、",
                    offered.taking(request.item().strip()).stream().map(BookableHalls.Hall::name).toList()));
        }
        String item = request.item().strip();
        LocalDate date = request.date();
        if (date == null) {
            throw new IllegalArgumentException("请给出预约日期（date，如 2026-12-08）");
        }
        if (!offered.days().contains(date)) {
            throw new IllegalArgumentException("只能预约今天起 " + settings.days() + " 个工作日内的日期，" + date + " 不在其中");
        }
        LocalTime start = OfferedSlots.startOf(request.start(), hall);
        String phone = phone(request.phone());
        if (offered.closed(date, start)) {
            throw new AppointmentRefusedException("该时段已截止预约（开始前 " + hours(settings.closeBefore()) + "截止），请选择其他时段");
        }
        Appointment wanted = new Appointment(null, item, hall.name(), date, HH_MM.format(start), HH_MM.format(start.plusMinutes(hall.slotMinutes())));
        if (store.openExists(citizen, item, date)) {
            throw alreadyBooked(wanted);
        }
        long slotId = store.slot(hall.name(), item, date, wanted.start(), hall.capacity());
        String phoneKey = phoneKey(phone);
        store.phoneRow(phoneKey);
        for (int attempt = 1; ; attempt++) {
            Appointment booked = new Appointment(code(), item, hall.name(), date, wanted.start(), wanted.end());
            try {
                transactions.executeWithoutResult(tx -> {
                    store.lockPhone(phoneKey);
                    if (store.openForPhone(phoneKey, offered.today()) >= settings.openPerPhone()) {
                        throw new AppointmentRefusedException("手机号 " + PersonalData.mask(phone) + " 已有 " + settings.openPerPhone()
                                + " 个未办理的预约，请办理或取消后再预约");
                    }
                    if (!store.take(slotId)) {
                        throw store.closedReason(slotId).map(Bookings::closedByHall)
                                .orElseGet(() -> new AppointmentRefusedException("该时段已约满，请选择其他时段"));
                    }
                    store.insert(booked.code(), slotId, citizen, booked, phone, phoneKey, clock.instant());
                });
                log.debug("Appointment {} booked: {} at {} on {} {}", booked.code(), item, hall.name(), date, booked.start());
                return booked;
            } catch (DuplicateKeyException e) {
                if (store.openExists(citizen, item, date)) {
                    throw alreadyBooked(wanted);
                }
                if (attempt >= 5) {
                    throw e;
                }
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= 5) {
                    throw new AppointmentRefusedException("预约的人太多，请稍后再试");
                }
            }
        }
    }

    private static AppointmentRefusedException closedByHall(String reason) {
        return new AppointmentRefusedException("大厅已暂停该时段的预约（" + reason + "），请选择其他时段");
    }

    private static AppointmentRefusedException alreadyBooked(Appointment a) {
        return new AppointmentRefusedException("您已预约了 " + a.date() + " 的“" + a.item() + "”，同一事项每天只能预约一次");
    }

    private static String phone(String text) {
        String digits = text == null ? "" : text.replaceAll("[\\s-]", "").replaceFirst("^\\+?86", "");
        if (!MOBILE.matcher(digits).matches()) {
            throw new IllegalArgumentException("请填写正确的 11 位手机号码（用于预约提醒和大厅联系）");
        }
        return digits;
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " 小时" : d.toMinutes() + " 分钟";
    }

    private static String phoneKey(String phone) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("askonce-phone:" + phone).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String code() {
        StringBuilder b = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            b.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return b.toString();
    }

    /** The citizen's bookings from today on, soonest first. */
    List<Appointment> mine(String citizen) {
        return store.open(citizen, offered.today());
    }

    /** See {@link Appointments#cancel}. */
    Appointment cancel(String citizen, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        Appointment a = mine(citizen).stream().filter(x -> x.code().equals(c)).findFirst()
                .orElseThrow(() -> new AppointmentNotFoundException(code == null ? "" : code.strip()));
        long slotId = store.openSlot(citizen, c).orElseThrow(() -> new AppointmentNotFoundException(c));
        boolean done = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!store.cancel(c, clock.instant())) {
                return false;
            }
            store.release(slotId);
            return true;
        }));
        if (!done) {
            throw new AppointmentNotFoundException(c);
        }
        log.debug("Appointment {} cancelled", c);
        return a;
    }
}
