package org.askonce.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.rate-limit.*}: how many messages a minute one citizen may send before they are asked
 * to slow down — per web identity ({@code web-per-minute}), per WeChat openid ({@code wechat-per-minute}),
 * and, as a high ceiling only (many citizens share a carrier's address), per client address
 * ({@code address-per-minute}). The address is the connection's, or — only when the connection
 * comes from one of {@code trusted-proxies} (nginx in front) — the last address in
 * {@code X-Forwarded-For} that is not a trusted proxy. {@code enabled=false} turns every limit off
 * (benchmarks).
 */
@ConfigurationProperties("askonce.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30") int webPerMinute,
        @DefaultValue("30") int wechatPerMinute,
        @DefaultValue("600") int addressPerMinute,
        @DefaultValue List<String> trustedProxies) {

    public RateLimitSettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        for (int limit : new int[] {webPerMinute, wechatPerMinute, addressPerMinute}) {
            if (limit < 1) {
                throw new IllegalArgumentException("askonce.rate-limit.*-per-minute must be at least 1, got " + limit);
            }
        }
    }
}
