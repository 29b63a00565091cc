package org.askonce.wechat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template message (模板消息) to send instead of a customer-service text: WeChat delivers it
 * whenever the citizen follows the account, not only within 48 hours of their last message, which
 * is what a reminder the day before a visit needs. {@code data} is the template's fields in order
 * (e.g. {@code thing1} → the item); {@code url} is opened when the citizen taps it (may be null).
 */
public record WechatTemplate(String templateId, String url, Map<String, String> data) {

    public WechatTemplate {
        if (templateId == null || templateId.isBlank()) {
            throw new IllegalArgumentException("templateId must not be blank");
        }
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("a template message needs at least one field");
        }
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
