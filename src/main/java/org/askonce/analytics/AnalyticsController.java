package org.askonce.analytics;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analytics dashboard (server-rendered, Chinese, charts as inline SVG) and its CSV export, for
 * editors and admins ({@code /editor/**}). A range that is not valid is shown back with the reason.
 */
@Controller
class AnalyticsController {

    private final Analytics analytics;
    private final AnalyticsView view;

    AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
        this.view = new AnalyticsView(analytics.settings().zone());
    }

    @GetMapping("/editor/analytics")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                     HttpServletResponse response) {
        model.addAttribute("view", view);
        model.addAttribute("today", analytics.today());
        DateRange range;
        try {
            range = DateRange.parse(from, to, analytics.today());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            return "analytics/dashboard";
        }
        AnalyticsReport report = analytics.report(range);
        model.addAttribute("from", range.from());
        model.addAttribute("to", range.to());
        model.addAttribute("r", report);
        model.addAttribute("questionsChart", Charts.questionsPerDay(report.days()));
        model.addAttribute("ratesChart", Charts.ratesPerDay(report.days()));
        model.addAttribute("satisfactionChart", Charts.satisfaction(report.satisfaction()));
        return "analytics/dashboard";
    }

    @GetMapping("/editor/analytics.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        DateRange range;
        try {
            range = DateRange.parse(from, to, analytics.today());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        String csv = AnalyticsCsv.write(analytics.report(range), view);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("askonce-analytics-" + range.from() + "-" + range.to() + ".csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
