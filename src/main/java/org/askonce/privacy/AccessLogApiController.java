package org.askonce.privacy;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/access-log?staff=&conversationId=&limit=}: the reads of citizens' conversations
 * as JSON for admins (session or HTTP Basic), newest first: {@code id, at, staff, conversationId, view}.
 */
@RestController
class AccessLogApiController {

    private final AccessLog log;

    AccessLogApiController(AccessLog log) {
        this.log = log;
    }

    @GetMapping(path = "/api/admin/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AccessLog.Entry> entries(@RequestParam(defaultValue = "") String staff, @RequestParam(defaultValue = "") String conversationId,
                                  @RequestParam(defaultValue = "200") int limit) {
        return log.entries(staff, conversationId, limit);
    }
}
