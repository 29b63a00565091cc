package org.askonce.appointments;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.askonce.accounts.HallAssignments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /hall}: the hall staff's page (窗口预约) for one of their halls (an admin: any hall). Today's
 * and the coming working days' bookings by day and slot, marking arrived / no-show (and undoing it
 * on the day), closing and reopening a slot, and the CSV export of a date range. Every change is a
 * POST with the CSRF token, recorded with the staff member's username, and answered with a message.
 */
@Controller
@RequestMapping("/hall")
class HallController {

    private final HallDesk desk;
    private final SlotClosings closings;
    private final HallAssignments assignments;

    HallController(HallDesk desk, SlotClosings closings, HallAssignments assignments) {
        this.desk = desk;
        this.closings = closings;
        this.assignments = assignments;
    }

    /** A booking row as the page shows it, with the actions open to it now. */
    record Row(HallBooking booking, boolean arrive, boolean noShow, boolean undo) {
    }

    /** A slot of a day with its bookings. */
    record SlotView(String start, String end, List<Row> rows) {
    }

    /** A day of the page. */
    record DayView(LocalDate date, String label, List<SlotView> slots, List<ClosedSlot> closed) {
    }

    @GetMapping
    String page(@RequestParam(required = false) String hall, Principal me, Model model) {
        List<String> mine = assignments.hallsOf(me.getName());
        model.addAttribute("halls", mine);
        if (mine.isEmpty()) {
            return "hall/page";
        }
        String current = hall == null || hall.isBlank() ? mine.get(0) : mine(mine, hall);
        model.addAttribute("hall", current);
        List<HallBooking> bookings = desk.hallBookings(current);
        List<ClosedSlot> closed = desk.closedSlots(current);
        List<DayView> days = new ArrayList<>();
        LocalDate today = desk.hallDays().get(0);
        List<LocalDate> shown = new ArrayList<>();
        LocalDate before = desk.previousWorkingDay();
        if (bookings.stream().anyMatch(b -> b.date().equals(before))) {
            shown.add(before); // the day before, while it has bookings: a no-show can still be recorded
        }
        shown.addAll(desk.hallDays());
        for (LocalDate day : shown) {
            Map<String, List<Row>> bySlot = new LinkedHashMap<>();
            Map<String, String> ends = new LinkedHashMap<>();
            for (HallBooking b : bookings) {
                if (b.date().equals(day)) {
                    bySlot.computeIfAbsent(b.start(), s -> new ArrayList<>()).add(new Row(b, desk.mayMarkArrived(b),
                            desk.mayMarkNoShow(b), desk.mayUndoMark(b)));
                    ends.put(b.start(), b.appointment().end());
                }
            }
            List<SlotView> slots = bySlot.entrySet().stream().map(e -> new SlotView(e.getKey(), ends.get(e.getKey()), e.getValue())).toList();
            days.add(new DayView(day, label(day, today), slots, closed.stream().filter(c -> c.date().equals(day)).toList()));
        }
        model.addAttribute("days", days);
        model.addAttribute("dayChoices", desk.hallDays());
        model.addAttribute("starts", desk.slotStartsOf(current));
        model.addAttribute("items", desk.itemsOf(current));
        model.addAttribute("exportFrom", today);
        model.addAttribute("exportTo", desk.hallDays().get(desk.hallDays().size() - 1));
        model.addAttribute("exportMaxDays", HallDesk.EXPORT_MAX_DAYS);
        return "hall/page";
    }

    private static String label(LocalDate day, LocalDate today) {
        String text = day.getMonthValue() + "月" + day.getDayOfMonth() + "日（" + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA) + "）";
        return day.equals(today) ? text + " 今天" : day.isBefore(today) ? text + " 上一个工作日（可补记未到）" : text;
    }

    /** The hall if it is one of mine; 403 otherwise. */
    private static String mine(List<String> mine, String hall) {
        String h = hall == null ? "" : hall.strip();
        if (!mine.contains(h)) {
            throw new AccessDeniedException("not assigned to hall " + h); // the 403 page

        }
        return h;
    }

    @PostMapping("/arrived")
    String arrived(@RequestParam(defaultValue = "") String hall, @RequestParam(defaultValue = "") String code, Principal me,
                   RedirectAttributes redirect) {
        String h = mine(assignments.hallsOf(me.getName()), hall);
        return change(redirect, h, () -> "已将预约 " + desk.markArrived(h, code, me.getName()).code() + " 标记为“已到”");
    }

    @PostMapping("/no-show")
    String noShow(@RequestParam(defaultValue = "") String hall, @RequestParam(defaultValue = "") String code, Principal me,
                  RedirectAttributes redirect) {
        String h = mine(assignments.hallsOf(me.getName()), hall);
        return change(redirect, h, () -> "已将预约 " + desk.markNoShow(h, code, me.getName()).code() + " 标记为“未到”");
    }

    @PostMapping("/undo")
    String undo(@RequestParam(defaultValue = "") String hall, @RequestParam(defaultValue = "") String code, Principal me,
                RedirectAttributes redirect) {
        String h = mine(assignments.hallsOf(me.getName()), hall);
        return change(redirect, h, () -> "已撤销预约 " + desk.undoMark(h, code, me.getName()).code() + " 的标记，恢复为“已预约”");
    }

    @PostMapping("/close")
    String close(@RequestParam(defaultValue = "") String hall, @RequestParam(required = false) String date,
                 @RequestParam(required = false) String start, @RequestParam(required = false) String item,
                 @RequestParam(required = false) String reason, Principal me, RedirectAttributes redirect) {
        String h = mine(assignments.hallsOf(me.getName()), hall);
        return change(redirect, h, () -> {
            LocalDate day = date(date, "日期（date）");
            SlotClosings.Closing c = closings.closeSlot(h, day, start, item, reason, me.getName());
            String what = day + " " + start + "（" + (item == null || item.isBlank() ? "全部事项" : item.strip()) + "）";
            return c.alreadyClosed() ? what + " 已是关闭状态，未作改动"
                    : "已关闭 " + what + "，取消了 " + c.cancelled() + " 个预约，已通知市民（微信推送，网页下次访问时提示）";
        });
    }

    @PostMapping("/reopen")
    String reopen(@RequestParam(defaultValue = "") String hall, @RequestParam(required = false) String date,
                  @RequestParam(required = false) String start, @RequestParam(required = false) String item, Principal me,
                  RedirectAttributes redirect) {
        String h = mine(assignments.hallsOf(me.getName()), hall);
        return change(redirect, h, () -> {
            LocalDate day = date(date, "日期（date）");
            int n = closings.reopenSlot(h, day, start, item, me.getName());
            return n == 0 ? day + " " + start + " 没有关闭，未作改动" : "已重新开放 " + day + " " + start + " 的预约（已取消的预约不会恢复）";
        });
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String hall, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, Principal me) {
        String h = mine(assignments.hallsOf(me.getName()), hall);
        String csv;
        try {
            csv = desk.exportCsv(h, date(from, "开始日期（from）"), date(to, "结束日期（to）"));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(("导出失败：" + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("预约名单-" + h + "-" + from.strip() + "-" + to.strip() + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写" + what);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            String shown = text.strip().length() > 30 ? text.strip().substring(0, 30) + "…" : text.strip();
            throw new IllegalArgumentException(what + "格式应为 2026-12-07，收到的是 " + shown);
        }
    }

    private static String change(RedirectAttributes redirect, String hall, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("message", change.get());
        } catch (IllegalArgumentException | AppointmentNotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/hall").queryParam("hall", hall).encode().build().toUriString();
    }
}
