package org.askonce.appointments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.askonce.calendar.WorkingDays;
import org.askonce.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 预约办事: the slots halls offer for an item over the next working days, and citizens' bookings.
 * A citizen is a channel identity ({@code web:<userId>}, {@code wechat:<openid>}). The database
 * holds the limits for every instance at once: a slot's capacity (a counter that only rises while
 * below capacity), one open booking per citizen, item and day (a unique key), and at most
 * {@code open-per-phone} open bookings per phone number (counted under a lock on the phone's row).
 */
public class Appointments {

    private static final Logger log = LoggerFactory.getLogger(Appointments.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final BookableHalls halls;
    private final JdbcAppointments store;
    private final TransactionTemplate transactions;
    private final WorkingDays calendar;
    private final AppointmentSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Appointments(BookableHalls halls, JdbcAppointments store, TransactionTemplate transactions, WorkingDays calendar,
            AppointmentSettings settings, Clock clock) {
        this.halls = halls;
        this.store = store;
        this.transactions = transactions;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** The citizen a booking belongs to: the channel's identity, e.g. {@code web:web-3f2a…} or {@code wechat:<openid>}. */
    public static String citizen(String channel, String userId) {
        return channel.toLowerCase(java.util.Locale.ROOT) + ":" + userId;
    }

    /** Whether some hall takes bookings for this item. */
    public boolean bookable(String item) {
        return item != null && !halls.forItem(item).isEmpty();
    }

    /** The halls that take bookings for this item, in the order they are declared. */
    public List<String> hallsFor(String item) {
        return halls.forItem(item).stream().map(BookableHalls.Hall::name).toList();
    }

    /** The working days bookings are offered for, from today. */
    public List<LocalDate> days() {
        return calendar.next(today(), settings.days());
    }

    /** Every slot still open for booking over the offered days, of one hall or (hall null) of every hall that takes the item; full slots too, with 0 remaining. */
    public List<Slot> slots(String item, String hall) {
        List<Slot> out = new ArrayList<>();
        for (BookableHalls.Hall h : hallsOf(item, hall)) {
            for (LocalDate day : days()) {
                out.addAll(slotsOf(h, item, day));
            }
        }
        return out;
    }

    /** The slots of one hall on one day that can still be booked and have room. */
    public List<Slot> slotsWithRoom(String item, String hall, LocalDate day) {
        return hallsOf(item, hall).stream().flatMap(h -> slotsOf(h, item, day).stream()).filter(s -> s.remaining() > 0).toList();
    }

    private List<BookableHalls.Hall> hallsOf(String item, String hall) {
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("请给出要预约的事项名称（item）");
        }
        List<BookableHalls.Hall> taking = halls.forItem(item.strip());
        if (taking.isEmpty()) {
            throw new IllegalArgumentException("事项“" + item.strip() + "”不能在线预约（没有大厅开放它的预约）");
        }
        if (hall == null || hall.isBlank()) {
            return taking;
        }
        List<BookableHalls.Hall> one = taking.stream().filter(h -> h.name().equals(hall.strip())).toList();
        if (one.isEmpty()) {
            throw new IllegalArgumentException("大厅“" + hall.strip() + "”不接受“" + item.strip() + "”的预约，可预约的大厅："
                    + String.join("、", taking.stream().map(BookableHalls.Hall::name).toList()));
        }
        return one;
    }

    private List<Slot> slotsOf(BookableHalls.Hall hall, String item, LocalDate day) {
        Map<String, Integer> booked = store.booked(hall.name(), item, day);
        List<Slot> out = new ArrayList<>();
        for (LocalTime start : hall.slotStarts()) {
            if (closed(day, start)) {
                continue;
            }
            String s = HH_MM.format(start);
            out.add(new Slot(hall.name(), day, s, HH_MM.format(start.plusMinutes(hall.slotMinutes())),
                    Math.max(0, hall.capacity() - booked.getOrDefault(s, 0))));
        }
        return out;
    }

    private boolean closed(LocalDate day, LocalTime start) {
        ZonedDateTime begins = day.atTime(start).atZone(calendar.zone());
        return !clock.instant().plus(settings.closeBefore()).isBefore(begins.toInstant());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    /**
     * Books a slot for the citizen.
     *
     * @throws IllegalArgumentException bad input (unknown item or hall, a day or time not offered, a bad phone number)
     * @throws AppointmentRefusedException the slot is full or closed, the citizen already has the item that day, or the phone holds too many open bookings
     */
    public Appointment book(String citizen, BookingRequest request) {
        if (citizen == null || citizen.isBlank()) {
            throw new IllegalArgumentException("预约需要市民身份");
        }
        if (request == null) {
            throw new IllegalArgumentException("请给出要预约的事项、大厅、日期、时段和手机号");
        }
        BookableHalls.Hall hall = hallsOf(request.item(), request.hall()).get(0);
        if (request.hall() == null || request.hall().isBlank()) {
            throw new IllegalArgumentException("请给出要预约的大厅（hall），可选：" + String.join("、", hallsFor(request.item().strip())));
        }
        String item = request.item().strip();
        LocalDate date = request.date();
        if (date == null) {
            throw new IllegalArgumentException("请给出预约日期（date，如 2026-12-08）");
        }
        if (!days().contains(date)) {
            throw new IllegalArgumentException("只能预约今天起 " + settings.days() + " 个工作日内的日期，" + date + " 不在其中");
        }
        LocalTime start = startOf(request.start(), hall);
        String phone = phone(request.phone());
        if (closed(date, start)) {
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
                    if (store.openForPhone(phoneKey, today()) >= settings.openPerPhone()) {
                        throw new AppointmentRefusedException("手机号 " + PersonalData.mask(phone) + " 已有 " + settings.openPerPhone()
                                + " 个未办理的预约，请办理或取消后再预约");
                    }
                    if (!store.take(slotId)) {
                        throw new AppointmentRefusedException("该时段已约满，请选择其他时段");
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

    private static AppointmentRefusedException alreadyBooked(Appointment a) {
        return new AppointmentRefusedException("您已预约了 " + a.date() + " 的“" + a.item() + "”，同一事项每天只能预约一次");
    }

    private static LocalTime startOf(String text, BookableHalls.Hall hall) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请给出时段的开始时间（start，如 09:00）");
        }
        LocalTime start;
        try {
            start = LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("时段开始时间“" + text + "”格式不对，应如 09:00");
        }
        if (!hall.slotStarts().contains(start)) {
            throw new IllegalArgumentException(hall.name() + "没有 " + text.strip() + " 开始的时段，可选："
                    + String.join("、", hall.slotStarts().stream().map(HH_MM::format).toList()));
        }
        return start;
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
    public List<Appointment> mine(String citizen) {
        return store.open(citizen, today());
    }

    /**
     * Cancels the citizen's booking with this code; its place is free again.
     *
     * @throws AppointmentNotFoundException no open booking of this citizen has that code
     */
    public Appointment cancel(String citizen, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
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

    /**
     * Sends the reminder of every open booking for tomorrow that has none yet (each claimed in the
     * database, so that two instances never both send it); how many were sent.
     */
    int remind(java.time.Instant now, java.util.function.Consumer<AppointmentReminderDue> send) {
        LocalDate tomorrow = LocalDate.ofInstant(now, calendar.zone()).plusDays(1);
        int sent = 0;
        for (JdbcAppointments.Booked b : store.unreminded(tomorrow)) {
            if (store.claimReminder(b.appointment().code(), now)) {
                String[] who = b.citizen().split(":", 2);
                send.accept(new AppointmentReminderDue(who[0], who.length > 1 ? who[1] : "", b.appointment(), reminderText(b.appointment(), "明天")));
                sent++;
            }
        }
        return sent;
    }

    /**
     * The reminders a web citizen's page shows on their next visit: their bookings for today and
     * tomorrow not shown before (each shown once).
     */
    public List<String> webReminders(String citizen) {
        java.time.Instant now = clock.instant();
        LocalDate today = today();
        List<String> out = new ArrayList<>();
        for (Appointment a : store.unshown(citizen, today, today.plusDays(1))) {
            if (store.claimShown(a.code(), now)) {
                out.add(reminderText(a, a.date().equals(today) ? "今天" : "明天"));
            }
        }
        return out;
    }

    static String reminderText(Appointment a, String when) {
        return "预约提醒：您" + when + "（" + a.date().getMonthValue() + "月" + a.date().getDayOfMonth() + "日）" + a.start() + "-" + a.end()
                + "在" + a.hall() + "办理“" + a.item() + "”，预约号 " + a.code() + "。请带齐材料按时到达；不能前往请说“取消预约”。";
    }

    /** Masks the phone of bookings whose visit was more than the retention before {@code now} (the nightly retention job); how many. */
    int maskExpiredPhones(java.time.Instant now) {
        LocalDate before = LocalDate.ofInstant(now, calendar.zone()).minusDays(settings.phoneRetention().toDays());
        return store.maskPhones(before, PersonalData::mask);
    }
}
