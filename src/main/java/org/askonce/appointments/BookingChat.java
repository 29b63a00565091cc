package org.askonce.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.appointments.JdbcBookingDrafts.Draft;
import org.askonce.appointments.JdbcBookingDrafts.Step;
import org.askonce.dialogue.BookingDesk;
import org.askonce.dialogue.Channel;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;

/**
 * Booking in the chat, on the web and in WeChat alike. "我要预约" (about the conversation's item, or
 * "我要预约养犬登记" naming one) offers the halls when there are several, then the next working days,
 * then the day's slots with room, then asks for a mobile number and confirms with the code, the
 * hall, the time and (as the reply is an answer about the item) the link to its guide with the
 * material checklist. "我的预约" lists the citizen's bookings; "取消预约" cancels one. A menu is
 * answered by its number; anything else leaves the booking and is answered as a question.
 */
class BookingChat implements BookingDesk {

    private static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(30);
    private static final Pattern MINE = Pattern.compile("^(?:查看|查询|查一下|查|看看|看一下)?我的预约(?:有哪些|记录|情况)?$");
    private static final Pattern CANCEL = Pattern.compile("^(?:我要|我想|帮我|请帮我)?取消(?:我的)?预约(.*)$");
    private static final Pattern BOOK = Pattern.compile("^(?:我要|我想|想|要|帮我|请帮我|我需要|我想要)?(?:在线)?预约(?:一下|办理|办)?(.*)$");
    private static final Pattern QUIT = Pattern.compile("^(?:取消|算了|不约了|不预约了|退出|不用了|不要了)(?:吧|了)?$");
    private static final Pattern YES = Pattern.compile("^(?:是|是的|对|确认|确定|好|好的|取消吧|1)$");
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9])([A-Za-z2-9]{6})(?![A-Za-z0-9])");
    private static final String NUMERALS = "一二三四五六七八九十";

    private final Appointments appointments;
    private final JdbcBookingDrafts drafts;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock;

    BookingChat(Appointments appointments, JdbcBookingDrafts drafts, KnowledgeBase knowledgeBase, Clock clock) {
        this.appointments = appointments;
        this.drafts = drafts;
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
    }

    @Override
    public Optional<BookingReply> handle(Channel channel, String userId, String text, String currentItemId) {
        String citizen = Appointments.citizen(channel.name(), userId);
        String said = compact(text);
        Instant now = clock.instant();
        if (MINE.matcher(said).matches()) {
            drafts.forget(citizen);
            return Optional.of(mine(citizen));
        }
        Matcher cancel = CANCEL.matcher(said);
        if (cancel.matches()) {
            drafts.forget(citizen);
            return Optional.of(cancel(citizen, cancel.group(1), now));
        }
        Matcher book = BOOK.matcher(said);
        if (book.matches() && !isQuestion(text, said)) {
            Optional<BookingReply> started = start(citizen, book.group(1), currentItemId, now);
            if (started.isPresent()) {
                return started;
            }
        }
        Optional<Draft> draft = drafts.find(citizen, now.minus(FORGOTTEN_AFTER));
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        if (QUIT.matcher(said).matches()) {
            drafts.forget(citizen);
            return Optional.of(BookingReply.say("好的，已退出预约。需要时再说“我要预约”。"));
        }
        Optional<BookingReply> next = proceed(citizen, draft.get(), text, said, now);
        if (next.isEmpty()) {
            drafts.forget(citizen); // the citizen moved on: the message is a question
        }
        return next;
    }

    private static String compact(String text) {
        return text.replaceAll("[\\s　]+", "").replaceAll("[。！!，,、～~]+$", "");
    }

    private static boolean isQuestion(String text, String said) {
        return text.contains("?") || text.contains("？") || said.matches(".*(?:吗|么|呢|嘛|不|没有)$")
                || said.matches(".*(?:什么|哪里|哪儿|哪个|多少|多久|怎么|怎样|如何|几点|能不能|可不可以|要不要|能否|可以).*");
    }

    private Optional<BookingReply> proceed(String citizen, Draft draft, String text, String said, Instant now) {
        if (draft.step() == Step.PHONE) {
            if (said.replaceAll("[^0-9]", "").length() < 5) {
                return Optional.empty();
            }
            return Optional.of(book(citizen, draft, text, now));
        }
        if (draft.step() == Step.CANCEL && draft.options().size() == 1 && YES.matcher(said).matches()) {
            return Optional.of(cancelCode(citizen, draft.options().get(0)));
        }
        OptionalInt choice = choice(said, draft.options());
        if (choice.isEmpty()) {
            if (said.matches("^第?[0-9一二三四五六七八九十]{1,2}[个项号]?$")) {
                return Optional.of(BookingReply.say("请回复 1 到 " + draft.options().size() + " 之间的序号；退出预约请说“算了”。"));
            }
            return Optional.empty();
        }
        String chosen = draft.options().get(choice.getAsInt() - 1);
        return Optional.of(switch (draft.step()) {
            case HALL -> dayMenu(citizen, new Draft(Step.DAY, draft.item(), chosen, null, null, List.of()), "", now);
            case DAY -> slotMenu(citizen, new Draft(Step.SLOT, draft.item(), draft.hall(), LocalDate.parse(chosen), null, List.of()), "", now);
            case SLOT -> askPhone(citizen, new Draft(Step.PHONE, draft.item(), draft.hall(), draft.date(), chosen, List.of()), now);
            case CANCEL -> cancelCode(citizen, chosen);
            case PHONE -> throw new IllegalStateException("answered above");
        });
    }

    /** A menu choice: its number ("2", "第二个", "选3"), or an option itself ("09:30", a hall's name). */
    static OptionalInt choice(String said, List<String> options) {
        String t = said.replaceFirst("^(?:就|我)?(?:选|选择|要)?第?", "").replaceFirst("(?:个|项|号|条|天)?(?:吧|的)?$", "");
        int n = 0;
        if (t.matches("[0-9]{1,2}")) {
            n = Integer.parseInt(t);
        } else if (t.length() == 1 && NUMERALS.contains(t)) {
            n = NUMERALS.indexOf(t) + 1;
        } else if (t.equals("两")) {
            n = 2;
        }
        if (n >= 1 && n <= options.size()) {
            return OptionalInt.of(n);
        }
        String time = said.matches("[0-9]:[0-9]{2}") ? "0" + said : said;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals(time) || (said.length() >= 4 && options.get(i).contains(said))) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /** Starts a booking; empty when the words after 预约 name no item (the message is then answered as a question). */
    private Optional<BookingReply> start(String citizen, String named, String currentItemId, Instant now) {
        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        Optional<ServiceItem> item = named.isBlank()
                ? Optional.ofNullable(currentItemId).flatMap(kb::item)
                : find(kb, named.replaceFirst("^(?:办理|办)", ""));
        if (item.isEmpty() && !named.isBlank()) {
            return Optional.empty();
        }
        drafts.forget(citizen);
        if (item.isEmpty()) {
            return Optional.of(BookingReply.say("请问要预约办理哪个事项？请说“我要预约”加事项名称，如“我要预约出生登记”。"));
        }
        String name = item.get().name();
        if (!appointments.bookable(name)) {
            return Optional.of(BookingReply.say("“" + name + "”暂不能在线预约，可直接到办理大厅办理（大厅和时间见办事指南）。"));
        }
        List<String> halls = appointments.hallsFor(name);
        if (halls.size() > 1) {
            Draft draft = new Draft(Step.HALL, name, null, null, null, halls);
            drafts.save(citizen, draft, now);
            return Optional.of(BookingReply.menu("预约办理“" + name + "”，请选择大厅（回复序号）：\n" + numbered(halls), halls));
        }
        return Optional.of(dayMenu(citizen, new Draft(Step.DAY, name, halls.get(0), null, null, List.of()), "", now));
    }

    /** The item named: the one whose name, alias or keyword the words contain (the longest such), or whose name contains them. */
    private static Optional<ServiceItem> find(KnowledgeSnapshot kb, String words) {
        ServiceItem best = null;
        int bestLength = 0;
        for (ServiceItem item : kb.items()) {
            List<String> names = new ArrayList<>(item.aliases());
            names.add(item.name());
            names.add(item.name().replaceFirst("（.*）$", ""));
            for (String n : names) {
                boolean match = words.contains(n) || (words.length() >= 2 && n.contains(words));
                int length = words.contains(n) ? n.length() : words.length();
                if (match && length > bestLength) {
                    best = item;
                    bestLength = length;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private BookingReply dayMenu(String citizen, Draft draft, String before, Instant now) {
        List<String> days = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (LocalDate day : appointments.days()) {
            int open = appointments.slotsWithRoom(draft.item(), draft.hall(), day).size();
            if (open > 0) {
                days.add(day.toString());
                lines.add(dayLabel(day) + "（" + open + " 个时段可约）");
            }
        }
        if (days.isEmpty()) {
            drafts.forget(citizen);
            return BookingReply.say(before + draft.hall() + "今天起 " + appointments.days().size() + " 个工作日内的“" + draft.item()
                    + "”预约都已约满，请过几天再来预约，或直接到大厅办理。");
        }
        drafts.save(citizen, draft.with(Step.DAY, days), now);
        return BookingReply.menu(before + "预约办理“" + draft.item() + "”（" + draft.hall() + "），请选择日期（回复序号）：\n" + numbered(lines),
                days.stream().map(d -> dayLabel(LocalDate.parse(d))).toList());
    }

    private BookingReply slotMenu(String citizen, Draft draft, String before, Instant now) {
        List<Slot> slots = appointments.slotsWithRoom(draft.item(), draft.hall(), draft.date());
        if (slots.isEmpty()) {
            return dayMenu(citizen, draft.with(Step.DAY, List.of()), before + dayLabel(draft.date()) + "已没有可预约的时段。\n", now);
        }
        List<String> lines = slots.stream().map(s -> s.start() + "-" + s.end() + "（余 " + s.remaining() + " 个名额）").toList();
        drafts.save(citizen, draft.with(Step.SLOT, slots.stream().map(Slot::start).toList()), now);
        return BookingReply.menu(before + dayLabel(draft.date()) + " " + draft.hall() + " 可预约的时段（回复序号）：\n" + numbered(lines), lines);
    }

    private BookingReply askPhone(String citizen, Draft draft, Instant now) {
        drafts.save(citizen, draft.with(Step.PHONE, List.of()), now);
        return BookingReply.say("您选择了" + dayLabel(draft.date()) + " " + draft.start() + " 开始的时段，" + draft.hall()
                + "。\n请输入联系手机号（用于预约提醒和大厅联系，到访 30 天后隐去）：");
    }

    private BookingReply book(String citizen, Draft draft, String text, Instant now) {
        Appointment a;
        try {
            a = appointments.book(citizen, new BookingRequest(draft.item(), draft.hall(), draft.date(), draft.start(), text.strip()));
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("手机号")) {
                return BookingReply.say(e.getMessage() + "：");
            }
            return slotMenu(citizen, draft, e.getMessage() + "\n", now);
        } catch (AppointmentRefusedException e) {
            if (e.getMessage().contains("每天只能预约一次") || e.getMessage().contains("手机号")) {
                drafts.forget(citizen);
                return BookingReply.say(e.getMessage() + "。查看已有预约请说“我的预约”。");
            }
            return slotMenu(citizen, draft, e.getMessage() + "。\n", now);
        }
        drafts.forget(citizen);
        ServiceItem item = knowledgeBase.snapshot().itemByName(a.item()).orElse(null);
        String address = item == null ? null : item.halls().stream().filter(h -> h.name().equals(a.hall())).map(ServiceItem.Hall::address)
                .filter(x -> x != null && !x.isBlank()).findFirst().orElse(null);
        String confirmation = "预约成功！预约号：" + a.code() + "\n事项：" + a.item() + "\n大厅：" + a.hall()
                + (address == null ? "" : "（" + address + "）") + "\n时间：" + dayLabel(a.date()) + " " + a.start() + "-" + a.end()
                + "\n请按时到达并带齐材料（材料清单见办事指南）。如需取消，请说“取消预约”。";
        return item == null ? BookingReply.say(confirmation) : BookingReply.booked(confirmation, item.id());
    }

    private BookingReply mine(String citizen) {
        List<Appointment> mine = appointments.mine(citizen);
        if (mine.isEmpty()) {
            return BookingReply.say("您目前没有未办理的预约。要预约，请说“我要预约”加事项名称。");
        }
        StringBuilder text = new StringBuilder("您的预约：\n");
        for (int i = 0; i < mine.size(); i++) {
            text.append(i + 1).append(". ").append(line(mine.get(i))).append('\n');
        }
        return BookingReply.say(text.append("如需取消，请说“取消预约”。").toString());
    }

    private BookingReply cancel(String citizen, String rest, Instant now) {
        Matcher code = CODE.matcher(rest);
        if (code.find()) {
            return cancelCode(citizen, code.group(1));
        }
        List<Appointment> mine = appointments.mine(citizen);
        if (mine.isEmpty()) {
            return BookingReply.say("您目前没有未办理的预约，无需取消。");
        }
        List<String> codes = mine.stream().map(Appointment::code).toList();
        drafts.save(citizen, new Draft(Step.CANCEL, null, null, null, null, codes), now);
        if (mine.size() == 1) {
            return BookingReply.say("要取消这个预约吗？\n" + line(mine.get(0)) + "\n确认取消请回复“是”。");
        }
        List<String> lines = mine.stream().map(BookingChat::line).toList();
        return BookingReply.menu("请选择要取消的预约（回复序号）：\n" + numbered(lines), lines);
    }

    private BookingReply cancelCode(String citizen, String code) {
        drafts.forget(citizen);
        try {
            Appointment a = appointments.cancel(citizen, code);
            return BookingReply.say("已取消预约 " + a.code() + "：" + a.item() + "，" + dayLabel(a.date()) + " " + a.start() + "-" + a.end() + "。");
        } catch (AppointmentNotFoundException e) {
            return BookingReply.say(e.getMessage() + "。查看已有预约请说“我的预约”。");
        }
    }

    private static String line(Appointment a) {
        return a.code() + " " + a.item() + "，" + dayLabel(a.date()) + " " + a.start() + "-" + a.end() + "，" + a.hall();
    }

    /** "1. …\n2. …": a menu as text, for WeChat and as the web page's fallback (the page shows the options as buttons). */
    private static String numbered(List<String> options) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            b.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(options.get(i));
        }
        return b.toString();
    }

    /** "12月8日（周二）". */
    static String dayLabel(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日（" + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA) + "）";
    }
}
