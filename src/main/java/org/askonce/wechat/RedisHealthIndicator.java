package org.askonce.wechat;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.redis.core.RedisCallback;

/**
 * {@code /actuator/health} component {@code redis}: UP while Redis answers, DEGRADED (HTTP 200) while
 * it does not, for the instance still answers: WeChat's state falls back to its memory. Replaces
 * Spring Boot's Redis check, which would take the whole instance DOWN with it.
 */
final class RedisHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Redis does not answer; this instance uses its memory instead");

    private final RedisGuard guard;

    RedisHealthIndicator(RedisGuard guard) {
        super("Redis health check failed");
        this.guard = guard;
    }

    /**
     * Says what is known now, without waiting for Redis (the whole health check must answer within
     * a second): a ping is sent on the writer thread, and a Redis that does not answer it shows here
     * from the next check on (and at once in the WeChat channel).
     */
    @Override
    protected void doHealthCheck(Health.Builder builder) {
        guard.runLater(() -> guard.redis().execute((RedisCallback<String>) c -> c.ping()));
        if (guard.reachable()) {
            builder.up();
        } else {
            builder.status(DEGRADED).withDetail("fallback", "WeChat message dedup, \"更多\" parts and access_token in this instance's memory");
        }
    }
}
