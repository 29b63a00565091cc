package org.askonce.wechat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger of one instance; expired entries are dropped as new messages arrive. */
final class InMemoryMessageLedger implements MessageLedger {

    private record Entry(long expiresAtNanos, boolean settled, String reply) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private long nextSweep = System.nanoTime();

    @Override
    public boolean claim(String key, Duration ttl) {
        long now = System.nanoTime();
        sweep(now);
        Entry fresh = new Entry(now + ttl.toNanos(), false, null);
        Entry result = entries.compute(key, (k, old) -> old == null || old.expiresAtNanos() - now < 0 ? fresh : old);
        return result == fresh;
    }

    @Override
    public void settle(String key, String reply, Duration ttl) {
        entries.put(key, new Entry(System.nanoTime() + ttl.toNanos(), true, reply));
    }

    @Override
    public Optional<Settled> settled(String key) {
        Entry e = entries.get(key);
        return e == null || !e.settled() ? Optional.empty() : Optional.of(new Settled(e.reply()));
    }

    int size() {
        return entries.size();
    }

    private void sweep(long now) {
        if (now - nextSweep < 0) {
            return;
        }
        synchronized (this) {
            if (now - nextSweep < 0) {
                return;
            }
            nextSweep = now + Duration.ofSeconds(30).toNanos();
        }
        entries.values().removeIf(e -> e.expiresAtNanos() - now < 0);
    }
}
