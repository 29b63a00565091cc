package org.askonce.wechat;

import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The ledger shared by every instance: one Redis key per message, taken with SET NX (so exactly one
 * instance handles it), then overwritten with the reply that was given.
 */
final class RedisMessageLedger implements MessageLedger {

    private static final String PENDING = "P";
    private static final String NO_REPLY = "N";
    private static final String REPLY = "R";

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisMessageLedger(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public boolean claim(String key, Duration ttl) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(prefix + key, PENDING, ttl));
    }

    @Override
    public void settle(String key, String reply, Duration ttl) {
        redis.opsForValue().set(prefix + key, reply == null ? NO_REPLY : REPLY + reply, ttl);
    }

    @Override
    public Optional<Settled> settled(String key) {
        String value = redis.opsForValue().get(prefix + key);
        if (value == null || value.equals(PENDING)) {
            return Optional.empty();
        }
        return Optional.of(new Settled(value.equals(NO_REPLY) ? null : value.substring(REPLY.length())));
    }
}
