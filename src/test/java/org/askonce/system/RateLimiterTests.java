package org.askonce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RateLimiterTests {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:10Z");

    private static RateLimiter limiter(boolean enabled, List<String> proxies, Instant now) {
        return new RateLimiter(new RateLimitSettings(enabled, 3, 3, 5, proxies), null, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static MockHttpServletRequest from(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void aFollowerIsLimitedPerMinuteAndOthersAreNot() {
        RateLimiter now = limiter(true, List.of(), NOW);
        for (int i = 0; i < 3; i++) {
            assertThat(now.allowWechat("app", "o1")).isTrue();
        }
        assertThat(now.allowWechat("app", "o1")).isFalse();
        assertThat(now.allowWechat("app", "o2")).isTrue();
    }

    @Test
    void theAddressIsACeilingForEveryoneBehindIt() {
        RateLimiter limiter = limiter(true, List.of(), NOW);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.allowWeb("identity-" + i, from("10.0.0.9", null))).isTrue();
        }
        assertThat(limiter.allowWeb("identity-new", from("10.0.0.9", null))).isFalse();
        assertThat(limiter.allowWeb("identity-new", from("10.0.0.10", null))).isTrue();
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxyAndOnlyItsLastUntrustedHop() {
        RateLimiter limiter = limiter(true, List.of("127.0.0.1"), NOW);
        assertThat(limiter.clientAddress(from("203.0.113.7", "1.2.3.4"))).isEqualTo("203.0.113.7"); // not from the proxy: ignored
        assertThat(limiter.clientAddress(from("127.0.0.1", "1.2.3.4, 198.51.100.2"))).isEqualTo("198.51.100.2"); // 1.2.3.4 may be made up
        assertThat(limiter.clientAddress(from("127.0.0.1", null))).isEqualTo("127.0.0.1");
    }

    @Test
    void disabledLimitsLetEverythingThrough() {
        RateLimiter off = limiter(false, List.of(), NOW);
        for (int i = 0; i < 10; i++) {
            assertThat(off.allowWechat("app", "o1")).isTrue();
            assertThat(off.allowWeb("i", from("10.0.0.1", null))).isTrue();
        }
    }
}
