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
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    Appointments(BookableHalls halls, JdbcAppointments store, TransactionTemplate transactions, WorkingDays calendar,
            AppointmentSettings settings, Clock clock) {
        this(halls, store, transactions, calendar, settings, clock, event -> { });
    }

    Appointments(BookableHalls halls, JdbcAppointments store, TransactionTemplate transactions, WorkingDays calendar,
            AppointmentSettings settings, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
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
                        throw store.closedReason(slotId).map(Appointments::closedByHall)
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
     * The reminders a web citizen's page shows on their next visit: the bookings the hall cancelled
     * (closing their slot) and their bookings for today and tomorrow, not shown before (each shown once).
     */
    public List<String> webReminders(String citizen) {
        java.time.Instant now = clock.instant();
        LocalDate today = today();
        List<String> out = new ArrayList<>();
        for (HallBooking b : store.unshownHallCancellations(citizen, today)) {
            if (store.claimNotice(b.code(), now)) {
                out.add(cancelledText(b.appointment(), b.hallReason()));
            }
        }
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

    // --- hall staff (窗口人员) ---

    /** The longest range a hall's bookings are exported for, in days. */
    public static final int EXPORT_MAX_DAYS = 31;
    private static final int REASON_MAX = 100;

    /** Every hall that takes bookings, in the order the halls file declares them. */
    public List<String> hallNames() {
        return halls.halls().stream().map(BookableHalls.Hall::name).toList();
    }

    /** The items a hall takes bookings for. */
    public List<String> itemsOf(String hall) {
        return hall(hall).items();
    }

    /** The start ({@code HH:mm}) of every slot of the hall's working day, in order. */
    public List<String> slotStartsOf(String hall) {
        return hall(hall).slotStarts().stream().map(HH_MM::format).toList();
    }

    /** The hall's bookings for today and the coming working days bookings are offered for, with closed slots; soonest first. */
    public List<HallBooking> hallBookings(String hall) {
        List<LocalDate> days = hallDays();
        return store.hallBookings(hall(hall).name(), previousWorkingDay(), days.get(days.size() - 1));
    }

    /**
     * The working day before today (per the calendar; within the last 30 days), which the hall page also
     * shows, so that a no-show not marked on the day can be recorded the next morning.
     */
    public LocalDate previousWorkingDay() {
        LocalDate day = today().minusDays(1);
        for (int i = 0; i < 30 && !calendar.isWorkingDay(day); i++) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The days the hall page shows: today and the working days bookings are offered for. */
    public List<LocalDate> hallDays() {
        List<LocalDate> days = new ArrayList<>(days());
        if (days.isEmpty() || !days.get(0).equals(today())) {
            days.add(0, today());
        }
        return days;
    }

    /** The hall's closed slots over {@link #hallDays()} (a day gone by cannot be closed). */
    public List<ClosedSlot> closedSlots(String hall) {
        List<LocalDate> days = hallDays();
        return store.closedSlots(hall(hall).name(), days.get(0), days.get(days.size() - 1));
    }

    private BookableHalls.Hall hall(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("请选择大厅（hall）");
        }
        return halls.hall(name.strip()).orElseThrow(() -> new IllegalArgumentException("大厅“" + name.strip()
                + "”不接受预约，可选：" + String.join("、", hallNames())));
    }

    /**
     * The citizen came: on the visit day or after.
     *
     * @throws IllegalArgumentException before the visit day, or the booking is cancelled
     * @throws AppointmentNotFoundException the hall has no booking with that code
     */
    public HallBooking markArrived(String hall, String code, String staff) {
        JdbcAppointments.Row row = hallRow(hall, code);
        Appointment a = row.booking().appointment();
        if (!open(row.booking())) {
            throw new IllegalArgumentException("预约 " + a.code() + " 已取消，不能标记");
        }
        if (today().isBefore(a.date())) {
            throw new IllegalArgumentException("预约 " + a.code() + " 在 " + a.date() + "，到当天才能标记“已到”");
        }
        return mark(row, BookingState.ARRIVED, staff);
    }

    /**
     * The citizen did not come: only once the slot has begun.
     *
     * @throws IllegalArgumentException before the slot begins, or the booking is cancelled
     * @throws AppointmentNotFoundException the hall has no booking with that code
     */
    public HallBooking markNoShow(String hall, String code, String staff) {
        JdbcAppointments.Row row = hallRow(hall, code);
        Appointment a = row.booking().appointment();
        if (!open(row.booking())) {
            throw new IllegalArgumentException("预约 " + a.code() + " 已取消，不能标记");
        }
        if (clock.instant().isBefore(begins(a))) {
            throw new IllegalArgumentException("预约 " + a.code() + " 的时段 " + a.date() + " " + a.start() + " 还没开始，开始后才能标记“未到”");
        }
        return mark(row, BookingState.NO_SHOW, staff);
    }

    /**
     * Back to 已预约 (a mark made by mistake): on the visit day only.
     *
     * @throws IllegalArgumentException not on the visit day, nothing to undo, or the booking is cancelled
     * @throws AppointmentNotFoundException the hall has no booking with that code
     */
    public HallBooking undoMark(String hall, String code, String staff) {
        JdbcAppointments.Row row = hallRow(hall, code);
        Appointment a = row.booking().appointment();
        if (row.booking().state() == BookingState.BOOKED) {
            throw new IllegalArgumentException("预约 " + a.code() + " 还没有标记，无需撤销");
        }
        if (!today().equals(a.date())) {
            throw new IllegalArgumentException("只能在预约当天（" + a.date() + "）撤销预约 " + a.code() + " 的标记");
        }
        return mark(row, null, staff);
    }

    private static boolean open(HallBooking b) {
        return b.state() != BookingState.CANCELLED && b.state() != BookingState.CANCELLED_BY_HALL;
    }

    /** Whether {@link #markArrived} would take the booking now (not cancelled, not arrived, the visit day or after). */
    public boolean mayMarkArrived(HallBooking b) {
        return open(b) && b.state() != BookingState.ARRIVED && !today().isBefore(b.date());
    }

    /** Whether {@link #markNoShow} would take the booking now (not cancelled, not a no-show, the slot has begun). */
    public boolean mayMarkNoShow(HallBooking b) {
        return open(b) && b.state() != BookingState.NO_SHOW && !clock.instant().isBefore(begins(b.appointment()));
    }

    /** Whether {@link #undoMark} would take the booking now (marked, on the visit day). */
    public boolean mayUndoMark(HallBooking b) {
        return (b.state() == BookingState.ARRIVED || b.state() == BookingState.NO_SHOW) && today().equals(b.date());
    }

    private HallBooking mark(JdbcAppointments.Row row, BookingState state, String staff) {
        String code = row.booking().code();
        if (row.booking().state() == BookingState.CANCELLED || row.booking().state() == BookingState.CANCELLED_BY_HALL
                || !store.mark(code, state, staffName(staff), clock.instant())) {
            throw new IllegalArgumentException("预约 " + code + " 已取消，不能标记");
        }
        log.info("Appointment {} marked {} by {}", code, state == null ? "BOOKED (undone)" : state, staff);
        return store.booking(code).orElseThrow().booking();
    }

    private JdbcAppointments.Row hallRow(String hall, String code) {
        BookableHalls.Hall h = hall(hall);
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return store.booking(c).filter(r -> r.booking().appointment().hall().equals(h.name()))
                .orElseThrow(() -> new AppointmentNotFoundException(c));
    }

    private java.time.Instant begins(Appointment a) {
        return a.date().atTime(LocalTime.parse(a.start())).atZone(calendar.zone()).toInstant();
    }

    private static String staffName(String staff) {
        if (staff == null || staff.isBlank()) {
            throw new IllegalArgumentException("需要知道是哪位工作人员操作的");
        }
        return staff.strip();
    }

    /** What closing a slot did: the items whose slot is closed and how many bookings it cancelled. */
    public record Closing(List<String> items, int cancelled, boolean alreadyClosed) {
    }

    /**
     * Closes a slot of the hall (one item, or every item of the hall when {@code item} is blank): it
     * takes no more bookings, and every open booking in it that is not marked is cancelled and its
     * citizen told ({@link AppointmentCancelledByHall}). Closing a closed slot changes nothing.
     *
     * @throws IllegalArgumentException a day not shown, a time that is no slot, an item the hall does not take, no reason, or a slot already begun
     */
    public Closing closeSlot(String hall, LocalDate date, String start, String item, String reason, String staff) {
        BookableHalls.Hall h = hall(hall);
        List<String> items = itemsOf(h, item);
        LocalTime begins = slotStart(h, date, start);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("请填写关闭时段的原因（reason），市民会看到它");
        }
        if (why.length() > REASON_MAX) {
            throw new IllegalArgumentException("原因最多 " + REASON_MAX + " 个字，现为 " + why.length() + " 个字");
        }
        if (!clock.instant().isBefore(date.atTime(begins).atZone(calendar.zone()).toInstant())) {
            throw new IllegalArgumentException(date + " " + HH_MM.format(begins) + " 的时段已经开始，不能再关闭");
        }
        String by = staffName(staff);
        java.time.Instant now = clock.instant();
        List<JdbcAppointments.Row> cancelled = new ArrayList<>();
        boolean already = true;
        for (String it : items) {
            long slotId = store.slot(h.name(), it, date, HH_MM.format(begins), h.capacity());
            List<JdbcAppointments.Row> done = transactions.execute(tx -> {
                boolean closedNow = store.close(slotId, why, by, now);
                List<JdbcAppointments.Row> out = new ArrayList<>();
                for (JdbcAppointments.Row row : store.openInSlot(slotId)) {
                    if (store.cancelByHall(row.booking().code(), why, by, now)) {
                        store.release(slotId);
                        out.add(row);
                    }
                }
                return closedNow ? out : (out.isEmpty() ? null : out);
            });
            if (done != null) {
                already = false;
                cancelled.addAll(done);
            }
        }
        log.info("Hall {} closed {} {} for {} by {}: {} bookings cancelled", h.name(), date, HH_MM.format(begins), items, by, cancelled.size());
        for (JdbcAppointments.Row row : cancelled) {
            String[] who = row.citizen().split(":", 2);
            Appointment a = row.booking().appointment();
            events.publishEvent(new AppointmentCancelledByHall(who[0], who.length > 1 ? who[1] : "", a, why, cancelledText(a, why)));
        }
        return new Closing(items, cancelled.size(), already);
    }

    /**
     * Reopens a closed slot (one item, or every item when blank): it takes new bookings again; the
     * bookings the closing cancelled stay cancelled. How many slots were reopened.
     */
    public int reopenSlot(String hall, LocalDate date, String start, String item, String staff) {
        BookableHalls.Hall h = hall(hall);
        List<String> items = itemsOf(h, item);
        LocalTime begins = slotStart(h, date, start);
        String by = staffName(staff);
        int reopened = 0;
        for (String it : items) {
            long slotId = store.slot(h.name(), it, date, HH_MM.format(begins), h.capacity());
            reopened += store.reopen(slotId) ? 1 : 0;
        }
        log.info("Hall {} reopened {} {} for {} by {}: {} slots", h.name(), date, HH_MM.format(begins), items, by, reopened);
        return reopened;
    }

    private List<String> itemsOf(BookableHalls.Hall h, String item) {
        if (item == null || item.isBlank()) {
            return h.items();
        }
        if (!h.takes(item.strip())) {
            throw new IllegalArgumentException(h.name() + "不接受“" + item.strip() + "”的预约（item），可选：" + String.join("、", h.items()));
        }
        return List.of(item.strip());
    }

    private LocalTime slotStart(BookableHalls.Hall h, LocalDate date, String start) {
        if (date == null) {
            throw new IllegalArgumentException("请选择日期（date）");
        }
        if (!hallDays().contains(date)) {
            throw new IllegalArgumentException("只能关闭今天起 " + settings.days() + " 个工作日内的时段（date），" + date + " 不在其中");
        }
        return startOf(start, h);
    }

    static String cancelledText(Appointment a, String reason) {
        return "很抱歉，您预约的" + a.date().getMonthValue() + "月" + a.date().getDayOfMonth() + "日 " + a.start() + "-" + a.end() + " 在" + a.hall()
                + "办理“" + a.item() + "”（预约号 " + a.code() + "）因" + reason + "已被大厅取消。请重新预约其他时段：发送“我要预约" + a.item() + "”即可。";
    }

    /**
     * The hall's bookings with a visit from {@code from} to {@code to} (at most {@value #EXPORT_MAX_DAYS} days) as a CSV file
     * for Excel ({@link HallCsv}): phones as stored, masked ones masked.
     *
     * @throws IllegalArgumentException an unknown hall, a missing date, a reversed or too long range
     */
    public String exportCsv(String hall, LocalDate from, LocalDate to) {
        BookableHalls.Hall h = hall(hall);
        if (from == null || to == null) {
            throw new IllegalArgumentException("请填写导出的开始日期（from）和结束日期（to）");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("开始日期 " + from + " 晚于结束日期 " + to);
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        if (days > EXPORT_MAX_DAYS) {
            throw new IllegalArgumentException("一次最多导出 " + EXPORT_MAX_DAYS + " 天，" + from + " 至 " + to + " 共 " + days + " 天");
        }
        return HallCsv.write(h.name(), from, to, store.hallBookings(h.name(), from, to), calendar.zone());
    }

    /**
     * The figures of 预约办事 for the calendar days {@code from}..{@code to} (see {@link BookingStatistics}).
     */
    public BookingStatistics statistics(LocalDate from, LocalDate to) {
        java.time.Instant start = from.atStartOfDay(calendar.zone()).toInstant();
        java.time.Instant end = to.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        Map<String, Integer> items = new java.util.HashMap<>();
        Map<String, int[]> byHall = new java.util.TreeMap<>();
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
                .sorted(java.util.Comparator.comparingInt(BookingStatistics.ItemCount::bookings).reversed()
                        .thenComparing(BookingStatistics.ItemCount::item))
                .limit(10).toList();
        List<String> order = hallNames();
        List<BookingStatistics.HallCount> hallCounts = byHall.entrySet().stream()
                .map(e -> new BookingStatistics.HallCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(java.util.Comparator.comparingInt((BookingStatistics.HallCount c) -> order.contains(c.hall()) ? order.indexOf(c.hall()) : order.size())
                        .thenComparing(BookingStatistics.HallCount::hall))
                .toList();
        return new BookingStatistics(from, to, made, cancelled[0], cancelled[1], arrived, noShow,
                arrived + noShow == 0 ? null : (double) noShow / (arrived + noShow), top, hallCounts);
    }
}
