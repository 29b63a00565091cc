package org.askonce.wechat;

import java.time.Duration;
import java.util.Optional;

/**
 * The ledger of several instances: Redis, shared by all, with this instance's memory beside it.
 * A claim goes to Redis while it answers (and is noted in memory too); while Redis does not answer,
 * claims are made in memory only, so a message is still handled, once on this instance (a retry
 * that reaches another instance during the outage may be handled there again: an answer twice
 * rather than none). How a message was answered is kept in memory at once and written to Redis
 * on the writer thread, so that a slow Redis never delays WeChat's reply.
 */
final class FallbackMessageLedger implements MessageLedger {

    private final RedisGuard guard;
    private final RedisMessageLedger redis;
    private final InMemoryMessageLedger memory = new InMemoryMessageLedger();

    FallbackMessageLedger(RedisGuard guard, String prefix) {
        this.guard = guard;
        this.redis = new RedisMessageLedger(guard.redis(), prefix);
    }

    @Override
    public boolean claim(String key, Duration ttl) {
        Boolean claimedInRedis = guard.call(() -> redis.claim(key, ttl), () -> null);
        if (Boolean.FALSE.equals(claimedInRedis)) {
            return false; // another instance has it
        }
        // Redis's claim, or none while it is away: this instance's memory knows the messages it took during an outage
        return memory.claim(key, ttl);
    }

    @Override
    public void settle(String key, String reply, Duration ttl) {
        memory.settle(key, reply, ttl);
        guard.runLater(() -> redis.settle(key, reply, ttl));
    }

    @Override
    public Optional<Settled> settled(String key) {
        Optional<Settled> here = memory.settled(key);
        return here.isPresent() ? here : guard.call(() -> redis.settled(key), Optional::empty);
    }
}
