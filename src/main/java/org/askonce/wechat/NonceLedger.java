package org.askonce.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The signed (timestamp, nonce) pairs seen within the replay window, with a digest of the body each
 * came with. WeChat signs only the timestamp and nonce in plain mode, so a captured URL could be
 * replayed with any body for the whole window: the same pair with the same body is WeChat retrying
 * (answered through the message ledger), with another body it is a replay. In Redis when enabled (a
 * retry may reach the other instance), in memory otherwise and whenever Redis cannot be reached.
 */
final class NonceLedger {

    private static final Logger log = LoggerFactory.getLogger(NonceLedger.class);

    /** What a signed request is, by its nonce. */
    enum Seen {
        FIRST, RETRY, REPLAY
    }

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Map<String, Entry> memory = new ConcurrentHashMap<>();
    private volatile boolean redisFailing;

    private record Entry(String digest, long expiresAt) {
    }

    NonceLedger(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    Seen see(String appId, String timestamp, String nonce, String bodyDigest, Duration ttl) {
        String key = appId + ":" + timestamp + ":" + nonce;
        if (redis != null) {
            try {
                String redisKey = "askonce:wechat:nonce:" + key;
                Boolean first = redis.opsForValue().setIfAbsent(redisKey, bodyDigest, ttl);
                redisFailing = false;
                if (Boolean.TRUE.equals(first)) {
                    return Seen.FIRST;
                }
                String earlier = redis.opsForValue().get(redisKey);
                return earlier == null || earlier.equals(bodyDigest) ? Seen.RETRY : Seen.REPLAY;
            } catch (RuntimeException e) {
                if (!redisFailing) {
                    redisFailing = true;
                    log.warn("Redis unreachable for WeChat nonces, remembering them on this instance meanwhile: {}", e.getMessage());
                }
            }
        }
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
