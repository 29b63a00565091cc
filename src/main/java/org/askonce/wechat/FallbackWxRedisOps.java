package org.askonce.wechat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * WxJava's access_token store for several instances: in Redis while it answers, so that one
 * instance fetches the token and all use it; in this instance's memory while it does not. Every
 * value this instance writes is also kept in memory, so an outage starts from the token it last
 * wrote; lacking one, the instance fetches its own (WxJava refreshes a token WeChat no longer
 * accepts). The refresh lock is Redis's while Redis answers, this instance's otherwise: WxJava's
 * Redis lock would otherwise retry against a Redis that does not answer.
 */
final class FallbackWxRedisOps implements WxRedisOps {

    private record Value(String value, long expiresAtNanos) {

        long secondsLeft(long now) {
            return Math.max(0, (expiresAtNanos - now) / 1_000_000_000L);
        }
    }

    private final RedisGuard guard;
    private final RedisTemplateWxRedisOps redis;
    private final Map<String, Value> memory = new ConcurrentHashMap<>();
    private final Map<String, Lock> localLocks = new ConcurrentHashMap<>();

    FallbackWxRedisOps(RedisGuard guard) {
        this.guard = guard;
        this.redis = new RedisTemplateWxRedisOps(guard.redis());
    }

    @Override
    public String getValue(String key) {
        return guard.call(() -> redis.getValue(key), () -> {
            Value v = live(key);
            return v == null ? null : v.value();
        });
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit unit) {
        long ttl = expire <= 0 ? Long.MAX_VALUE / 2 : unit.toNanos(expire);
        memory.put(key, new Value(value, System.nanoTime() + ttl));
        guard.run(() -> redis.setValue(key, value, expire, unit));
    }

    @Override
    public Long getExpire(String key) {
        return guard.call(() -> redis.getExpire(key), () -> {
            Value v = live(key);
            return v == null ? -2L : v.secondsLeft(System.nanoTime()); // -2: no such key, as Redis says
        });
    }

    @Override
    public void expire(String key, int expire, TimeUnit unit) {
        memory.computeIfPresent(key, (k, v) -> new Value(v.value(), System.nanoTime() + unit.toNanos(expire)));
        guard.run(() -> redis.expire(key, expire, unit));
    }

    @Override
    public Lock getLock(String key) {
        return new FallbackLock(redis.getLock(key), localLocks.computeIfAbsent(key, k -> new ReentrantLock()));
    }

    private Value live(String key) {
        Value v = memory.get(key);
        if (v != null && v.expiresAtNanos() - System.nanoTime() <= 0) {
            memory.remove(key, v);
            return null;
        }
        return v;
    }

    /** Redis's lock while Redis answers, the local one otherwise; unlock releases the one that was taken. */
    private final class FallbackLock implements Lock {

        private final Lock shared;
        private final Lock local;
        private final ThreadLocal<Lock> held = new ThreadLocal<>();

        FallbackLock(Lock shared, Lock local) {
            this.shared = shared;
            this.local = local;
        }

        @Override
        public void lock() {
            boolean interrupted = false;
            while (true) {
                try {
                    lockInterruptibly();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            while (!tryLock(100, TimeUnit.MILLISECONDS)) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }

        @Override
        public boolean tryLock() {
            Lock taken = guard.call(() -> shared.tryLock() ? shared : null, () -> local.tryLock() ? local : null);
            held.set(taken);
            return taken != null;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            if (guard.reachable()) {
                Lock taken = guard.call(() -> {
                    try {
                        return shared.tryLock(time, unit) ? shared : null;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }, () -> null);
                if (taken != null || guard.reachable()) {
                    held.set(taken);
                    return taken != null;
                }
            }
            boolean locked = local.tryLock(time, unit);
            held.set(locked ? local : null);
            return locked;
        }

        @Override
        public void unlock() {
            Lock taken = held.get();
            held.remove();
            if (taken == local) {
                local.unlock();
            } else if (taken == shared) {
                guard.run(shared::unlock);
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("conditions are not supported");
        }
    }
}
