package org.askonce.privacy;

import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/access-log}: the admins' page of who read which citizen's conversation, newest first, filtered by staff or conversation. */
@Controller
class AccessLogController {

    private final AccessLog log;
    private final DateTimeFormatter time;

    AccessLogController(AccessLog log, PrivacySettings settings) {
        this.log = log;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(settings.zone());
    }

    /** A row as admins read it. */
    record Row(String at, String staff, String conversationId, String view) {
    }

    @GetMapping("/admin/access-log")
    String list(@RequestParam(defaultValue = "") String staff, @RequestParam(defaultValue = "") String conversationId,
                @RequestParam(defaultValue = "200") int limit, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("conversationId", conversationId);
        try {
            model.addAttribute("rows", log.entries(staff, conversationId, limit).stream()
                    .map(e -> new Row(time.format(e.at()), e.staff(), e.conversationId(), e.viewLabel())).toList());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "admin/access-log";
    }
}
