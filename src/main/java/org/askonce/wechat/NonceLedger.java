package org.askonce.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed (timestamp, nonce) pairs seen within the replay window, with a digest of the body each
 * came with. WeChat signs only the timestamp and nonce in plain mode, so a captured URL could be
 * replayed with any body for the whole window: the same pair with the same body is WeChat retrying
 * (answered through the message ledger), with another body it is a replay. In Redis when enabled (a
 * retry may reach the other instance; through {@link RedisGuard}), in memory otherwise and while Redis
 * does not answer.
 */
final class NonceLedger {

    /** What a signed request is, by its nonce. */
    enum Seen {
        FIRST, RETRY, REPLAY
    }

    private final RedisGuard redis;
    private final Clock clock;
    private final Map<String, Entry> memory = new ConcurrentHashMap<>();

    private record Entry(String digest, long expiresAt) {
    }

    /** {@code redis} null: this instance's memory only. */
    NonceLedger(RedisGuard redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    Seen see(String appId, String timestamp, String nonce, String bodyDigest, Duration ttl) {
        String key = appId + ":" + timestamp + ":" + nonce;
        if (redis == null) {
            return inMemory(key, bodyDigest, ttl);
        }
        return redis.call(() -> {
            String redisKey = "askonce:wechat:nonce:" + key;
            Boolean first = redis.redis().opsForValue().setIfAbsent(redisKey, bodyDigest, ttl);
            if (Boolean.TRUE.equals(first)) {
                return Seen.FIRST;
            }
            String earlier = redis.redis().opsForValue().get(redisKey);
            return earlier == null || earlier.equals(bodyDigest) ? Seen.RETRY : Seen.REPLAY;
        }, () -> inMemory(key, bodyDigest, ttl));
    }

    private Seen inMemory(String key, String bodyDigest, Duration ttl) {
        long now = clock.millis();
        if (memory.size() > 50_000) {
            memory.values().removeIf(e -> e.expiresAt() < now);
        }
        Entry fresh = new Entry(bodyDigest, now + ttl.toMillis());
        Entry earlier = memory.merge(key, fresh, (old, neu) -> old.expiresAt() < now ? neu : old);
        if (earlier == fresh) {
            return Seen.FIRST;
        }
        return earlier.digest().equals(bodyDigest) ? Seen.RETRY : Seen.REPLAY;
    }
}
