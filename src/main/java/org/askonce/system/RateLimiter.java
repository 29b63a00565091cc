package org.askonce.system;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Counts a citizen's messages per minute (fixed windows) and says when one is over its limit. In
 * Redis when enabled, so the limit holds across instances (INCR with an expiry); in memory
 * otherwise, and also whenever Redis cannot be reached (a limit is a courtesy, never a reason to
 * drop a question).
 */
public final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitSettings settings;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private volatile boolean redisFailing;
    /** While Redis is failing, it is tried again only from this time on (no message waits for a dead Redis). */
    private volatile long retryRedisAt;
    private static final long RETRY_REDIS_MILLIS = 5_000;

    public RateLimiter(RateLimitSettings settings, StringRedisTemplate redis, Clock clock) {
        this.settings = settings;
        this.redis = redis;
        this.clock = clock;
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** Whether one more message of this web identity is within its limits (the address's ceiling too). */
    public boolean allowWeb(String identity, HttpServletRequest request) {
        return !settings.enabled()
                || (allow("web:" + identity, settings.webPerMinute()) && allow("addr:" + clientAddress(request), settings.addressPerMinute()));
    }

    /** Whether one more message of this WeChat follower is within the limit. */
    public boolean allowWechat(String appId, String openId) {
        return !settings.enabled() || allow("wx:" + appId + ":" + openId, settings.wechatPerMinute());
    }

    /** Counts one more for the key in the current minute; false when that goes over the limit. */
    boolean allow(String key, int limit) {
        long window = clock.millis() / WINDOW.toMillis();
        if (redis != null && (!redisFailing || clock.millis() >= retryRedisAt)) {
            try {
                String redisKey = "askonce:rate:" + key + ":" + window;
                Long count = redis.opsForValue().increment(redisKey);
                if (count != null && count == 1) {
                    redis.expire(redisKey, WINDOW.multipliedBy(2));
                }
                if (redisFailing) {
                    redisFailing = false;
                    log.info("Rate limits are counted in Redis again");
                }
                return count == null || count <= limit;
            } catch (RuntimeException e) {
                retryRedisAt = clock.millis() + RETRY_REDIS_MILLIS;
                if (!redisFailing) {
                    redisFailing = true;
                    log.warn("Redis unreachable for rate limits, counting on this instance meanwhile: {}", e.getMessage());
                }
            }
        }
        long[] counted = windows.compute(key, (k, w) -> w == null || w[0] != window ? new long[] {window, 1} : new long[] {window, w[1] + 1});
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w[0] < window); // drop the windows that have passed
        }
        return counted[1] <= limit;
    }

    /**
     * The client's address: the connection's, unless that is a trusted proxy — then the last address
     * in {@code X-Forwarded-For} that is not one (addresses before it could be made up by the client).
     */
    public String clientAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!settings.trustedProxies().contains(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !settings.trustedProxies().contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
