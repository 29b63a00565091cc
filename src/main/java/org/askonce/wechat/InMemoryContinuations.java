package org.askonce.wechat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Continuations of one instance; entries older than {@link #KEEP} are ignored and dropped. */
final class InMemoryContinuations implements Continuations {

    private record Entry(long expiresAtNanos, Deque<String> parts) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void keep(String appId, String openId, List<String> rest) {
        String key = appId + "/" + openId;
        if (rest.isEmpty()) {
            entries.remove(key);
            return;
        }
        long now = System.nanoTime();
        if (entries.size() > 10_000) {
            entries.values().removeIf(e -> e.expiresAtNanos() - now < 0);
        }
        entries.put(key, new Entry(now + KEEP.toNanos(), new ArrayDeque<>(rest)));
    }

    @Override
    public Optional<String> next(String appId, String openId) {
        String key = appId + "/" + openId;
        Entry e = entries.get(key);
        if (e == null || e.expiresAtNanos() - System.nanoTime() < 0) {
            entries.remove(key);
            return Optional.empty();
        }
        String part;
        synchronized (e) {
            part = e.parts().pollFirst();
        }
        if (e.parts().isEmpty()) {
            entries.remove(key, e);
        }
        return Optional.ofNullable(part);
    }

    @Override
    public void forget(String appId, String openId) {
        entries.remove(appId + "/" + openId);
    }
}
