package org.askonce.wechat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Every use of Redis by the WeChat channel goes through here, with what to do instead when Redis
 * does not answer. A call that fails (each Redis command has a short timeout,
 * {@code spring.data.redis.timeout}) marks Redis unreachable: from then on callers get their
 * fallback at once, without waiting for Redis, and a probe pings Redis every {@link #PROBE_INTERVAL}
 * until it answers. The shared connection is dropped when Redis goes away, so a connection that a
 * firewall or NAT forgot (no reset, just silence) is never used again. The outage is logged once
 * when it starts and once when it ends, not per message.
 */
final class RedisGuard implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);
    static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final StringRedisTemplate redis;
    private final Duration probeInterval;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long downSince;
    private final ScheduledExecutorService probe;
    private final ExecutorService writes;

    RedisGuard(StringRedisTemplate redis) {
        this(redis, PROBE_INTERVAL);
    }

    RedisGuard(StringRedisTemplate redis, Duration probeInterval) {
        this.redis = redis;
        this.probeInterval = probeInterval;
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "redis-probe"));
        // one writer, so writes reach Redis in the order they were made; a full queue means Redis is
        // far behind, and a dropped write only costs sharing (the instance's memory has it)
        this.writes = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000),
                r -> daemon(r, "redis-writes"), new ThreadPoolExecutor.DiscardPolicy());
    }

    /**
     * Connects at start-up, so that the first message does not pay for it (a cold client can take
     * longer than the command timeout); a Redis that does not answer now is an outage like any other.
     */
    @Override
    public void afterPropertiesSet() {
        call(() -> redis.execute((RedisCallback<String>) c -> c.ping()), () -> null);
    }

    StringRedisTemplate redis() {
        return redis;
    }

    /** False while Redis is known not to answer (callers use their fallback). */
    boolean reachable() {
        return !down.get();
    }

    /** The Redis call's result, or the fallback's when Redis is unreachable or the call fails. */
    <T> T call(Supplier<T> onRedis, Supplier<T> fallback) {
        if (down.get()) {
            return fallback.get();
        }
        try {
            return onRedis.get();
        } catch (RuntimeException e) {
            wentAway(e);
            return fallback.get();
        }
    }

    /** Runs the Redis write now; a failure marks Redis unreachable (the caller keeps its own copy). */
    void run(Runnable onRedis) {
        call(() -> {
            onRedis.run();
            return null;
        }, () -> null);
    }

    /** Runs the Redis write on the writer thread, so that the caller never waits for Redis. */
    void runLater(Runnable onRedis) {
        if (down.get()) {
            return;
        }
        try {
            writes.execute(() -> run(onRedis));
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Marks Redis unreachable after a failed call (logged once per outage) and starts probing it. */
    void wentAway(RuntimeException cause) {
        if (!down.compareAndSet(false, true)) {
            return;
        }
        downSince = System.nanoTime();
        log.warn("Redis does not answer ({}): WeChat message dedup, \"更多\" parts and the access_token fall back to this "
                + "instance's memory until it does", describe(cause));
        resetConnection();
        schedule();
    }

    private void schedule() {
        try {
            probe.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void probe() {
        try {
            String pong = redis.execute((RedisCallback<String>) c -> c.ping());
            if ("PONG".equalsIgnoreCase(pong)) {
                down.set(false);
                log.info("Redis answers again after {} s: WeChat state is shared through it again",
                        Duration.ofNanos(System.nanoTime() - downSince).toSeconds());
                return;
            }
        } catch (RuntimeException e) {
            log.debug("Redis probe: {}", describe(e));
            resetConnection();
        }
        schedule();
    }

    /** Drops the shared connection: the next use connects afresh instead of writing into a dead one. */
    private void resetConnection() {
        RedisConnectionFactory factory = redis.getConnectionFactory();
        if (factory instanceof LettuceConnectionFactory lettuce) {
            try {
                lettuce.resetConnection();
            } catch (RuntimeException e) {
                log.debug("Redis: could not reset the shared connection: {}", describe(e));
            }
        }
    }

    /** The innermost cause, as "SocketTimeoutException: Read timed out". */
    private static String describe(Throwable e) {
        Throwable root = org.springframework.core.NestedExceptionUtils.getRootCause(e);
        root = root == null ? e : root;
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void destroy() {
        probe.shutdownNow();
        writes.shutdownNow();
    }
}
