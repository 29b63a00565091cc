package org.askonce.analytics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures as JSON, for editors and admins: {@code GET /api/editor/analytics?from=&to=}
 * (yyyy-MM-dd; default the last 30 days). A range that is not valid answers 400 {@code {"error": …}}.
 */
@RestController
class AnalyticsApiController {

    private final Analytics analytics;

    AnalyticsApiController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/api/editor/analytics")
    AnalyticsReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return analytics.report(DateRange.parse(from, to, analytics.today()));
    }
}
