package org.askonce.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

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
    /**
     * The entries in the order they were made, so expired ones are dropped from the head in constant
     * time a request. (Scanning the whole map instead took half the CPU under load: the profile of the
     * WeChat load, README "Where the time goes".)
     */
    private final Queue<Entry> byAge = new ConcurrentLinkedQueue<>();

    private record Entry(String key, String digest, long expiresAt) {
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
        for (Entry oldest = byAge.peek(); oldest != null && oldest.expiresAt() < now; oldest = byAge.peek()) {
            Entry taken = byAge.poll(); // another request may have taken the head meanwhile
            if (taken == null) {
                break;
            }
            if (taken.expiresAt() >= now) {
                byAge.add(taken);
                break;
            }
            memory.remove(taken.key(), taken); // unless a newer entry took its place
        }
        Entry fresh = new Entry(key, bodyDigest, now + ttl.toMillis());
        Entry earlier = memory.merge(key, fresh, (old, neu) -> old.expiresAt() < now ? neu : old);
        if (earlier == fresh) {
            byAge.add(fresh);
            return Seen.FIRST;
        }
        return earlier.digest().equals(bodyDigest) ? Seen.RETRY : Seen.REPLAY;
    }

    /** How many pairs this instance's memory holds. */
    int remembered() {
        return memory.size();
    }
}
