package org.askonce.wechat;

import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Continuations shared by every instance: a Redis list per citizen, popped part by part, expiring after {@link #KEEP}. */
final class RedisContinuations implements Continuations {

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisContinuations(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public void keep(String appId, String openId, List<String> rest) {
        String key = prefix + appId + ":" + openId;
        redis.delete(key);
        if (!rest.isEmpty()) {
            redis.opsForList().rightPushAll(key, rest);
            redis.expire(key, KEEP);
        }
    }

    @Override
    public Optional<String> next(String appId, String openId) {
        return Optional.ofNullable(redis.opsForList().leftPop(prefix + appId + ":" + openId));
    }

    @Override
    public void forget(String appId, String openId) {
        redis.delete(prefix + appId + ":" + openId);
    }
}
