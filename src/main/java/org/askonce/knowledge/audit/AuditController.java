package org.askonce.knowledge.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.askonce.knowledge.KnowledgeBase;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The knowledge audit for editors: {@code /editor/audit} (counts per check and the findings to work
 * through, filtered by check and department), {@code /editor/audit.csv} (the same list for Excel:
 * UTF-8 with a BOM) and {@code /api/editor/audit} (JSON). Always audits the published snapshot as of
 * today in China.
 */
@Controller
class AuditController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String CSV_HEADER = "事项编码,事项名称,实施部门,核查项,核查项代码,严重程度,问题说明";

    private final KnowledgeBase knowledge;
    private final KnowledgeAudit audit;

    AuditController(KnowledgeBase knowledge, KnowledgeAudit audit) {
        this.knowledge = knowledge;
        this.audit = audit;
    }

    /** A row of the counts table. */
    record CheckCount(String code, String label, String severity, int count) {
    }

    /** A finding as the JSON API shows it: the check by its stable code and its label. */
    record FindingView(String itemId, String itemName, String department, String check, String checkLabel,
                       String severity, String detail) {

        static FindingView of(AuditFinding f) {
            return new FindingView(f.itemId(), f.itemName(), f.department(), f.check().code(), f.check().label(),
                    f.severity().label(), f.detail());
        }
    }

    /** The JSON answer: when, with which interval, over how many items, the counts and the findings. */
    record AuditView(LocalDate auditedOn, int reviewDays, int itemCount, String check, String department,
                     List<CheckCount> counts, List<FindingView> findings) {
    }

    private AuditReport run() {
        return audit.audit(knowledge.snapshot(), LocalDate.now(CHINA));
    }

    private static AuditCheck check(String code) {
        return code == null || code.isBlank() ? null : AuditCheck.ofCode(code.strip());
    }

    /** Counts per check over the chosen department (the check filter picks a row, it does not change the counts). */
    private static List<CheckCount> counts(AuditReport report, String department) {
        return report.filter(null, department).counts().entrySet().stream()
                .map(e -> new CheckCount(e.getKey().code(), e.getKey().label(), e.getKey().severity().label(), e.getValue()))
                .toList();
    }

    @GetMapping("/editor/audit")
    String page(@RequestParam(required = false) String check, @RequestParam(required = false) String department,
                @RequestParam(defaultValue = "1") int page, Model model) {
        AuditReport report = run();
        AuditCheck chosen = null;
        try {
            chosen = check(check);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "没有这个核查项：" + check + "，已显示全部");
        }
        String dept = department == null ? "" : department.strip();
        AuditReport shown = report.filter(chosen, dept);
        model.addAttribute("report", report);
        model.addAttribute("counts", counts(report, dept));
        // a whole imported catalogue has thousands of findings: a page at a time (the CSV has them all)
        List<AuditFinding> all = shown.findings();
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("findingCount", all.size());
        model.addAttribute("findings", all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE)));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        String here = link("/editor/audit", chosen == null ? "" : chosen.code(), dept);
        model.addAttribute("pageLink", here + (here.contains("?") ? "&" : "?") + "page=");
        model.addAttribute("shownItems", shown.itemsWithFindings());
        model.addAttribute("departments", report.departments());
        model.addAttribute("check", chosen == null ? "" : chosen.code());
        model.addAttribute("checkLabel", chosen == null ? "" : chosen.label());
        model.addAttribute("department", dept);
        Map<String, String> checkLinks = new LinkedHashMap<>();
        for (AuditCheck c : AuditCheck.values()) {
            checkLinks.put(c.code(), link("/editor/audit", c.code(), dept));
        }
        model.addAttribute("checkLinks", checkLinks);
        model.addAttribute("exportLink", link("/editor/audit.csv", chosen == null ? "" : chosen.code(), dept));
        return "editor/audit";
    }

    /** A link with only the filters that are set (an empty parameter would show in the address and the CSV link). */
    static final int PAGE_SIZE = 100;

    private static String link(String path, String check, String department) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (!check.isEmpty()) {
            b.queryParam("check", check);
        }
        if (!department.isEmpty()) {
            b.queryParam("department", department);
        }
        return b.encode().build().toUriString();
    }

    @GetMapping("/editor/audit.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String check, @RequestParam(required = false) String department) {
        AuditReport report = run();
        List<AuditFinding> findings = report.filter(check(check), department).findings();
        StringBuilder csv = new StringBuilder("\uFEFF").append(CSV_HEADER).append("\r\n");
        for (AuditFinding f : findings) {
            csv.append(String.join(",", cell(f.itemId()), cell(f.itemName()), cell(f.department()), cell(f.check().label()),
                    cell(f.check().code()), cell(f.severity().label()), cell(f.detail()))).append("\r\n");
        }
        String filename = "知识库核查-" + report.auditedOn() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is defused so that Excel does not run it as a formula. */
    static String cell(String value) {
        String v = Objects.toString(value, "");
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    @GetMapping(path = "/api/editor/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    AuditView json(@RequestParam(required = false) String check, @RequestParam(required = false) String department) {
        AuditReport report = run();
        AuditCheck chosen = check(check);
        String dept = department == null ? "" : department.strip();
        return new AuditView(report.auditedOn(), report.reviewDays(), report.itemCount(), chosen == null ? null : chosen.code(),
                dept.isEmpty() ? null : dept, counts(report, dept),
                report.filter(chosen, dept).findings().stream().map(FindingView::of).toList());
    }
}
