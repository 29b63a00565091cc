package org.askonce.wechat;

import java.util.List;
import java.util.Optional;

/**
 * The "更多" parts of several instances: in Redis while it answers, so that the next part comes
 * whichever instance the citizen's "更多" reaches; in this instance's memory while it does not.
 * Parts kept in memory during an outage are given first, then Redis's.
 */
final class FallbackContinuations implements Continuations {

    private final RedisGuard guard;
    private final RedisContinuations redis;
    private final InMemoryContinuations memory = new InMemoryContinuations();

    FallbackContinuations(RedisGuard guard, String prefix) {
        this.guard = guard;
        this.redis = new RedisContinuations(guard.redis(), prefix);
    }

    @Override
    public void keep(String appId, String openId, List<String> rest) {
        boolean kept = guard.call(() -> {
            redis.keep(appId, openId, rest);
            return true;
        }, () -> false);
        memory.keep(appId, openId, kept ? List.of() : rest);
    }

    @Override
    public Optional<String> next(String appId, String openId) {
        Optional<String> here = memory.next(appId, openId);
        return here.isPresent() ? here : guard.call(() -> redis.next(appId, openId), Optional::empty);
    }

    @Override
    public void forget(String appId, String openId) {
        memory.forget(appId, openId);
        guard.run(() -> redis.forget(appId, openId));
    }
}
