package org.askonce.system;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error attributes plus {@code detail}: the Chinese message AskOnce wrote for the mistake (the error
 * pages show it under their heading). Only messages of ours are shown: Spring's own exception messages stay hidden
 * ({@code server.error.include-message=never}).
 */
@Component
class ErrorDetails extends DefaultErrorAttributes {

    /** Request attribute holding the Chinese message for the error page. */
    static final String DETAIL = ErrorDetails.class.getName() + ".detail";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object detail = request.getAttribute(DETAIL, RequestAttributes.SCOPE_REQUEST);
        if (detail != null) {
            attributes.put("detail", detail);
        }
        return attributes;
    }
}
