package org.askonce.wechat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Customer-service messages to the simulator's demo account, kept for the simulator page to show (per user, last 50). */
@Component
class SimulatorInbox {

    record Delivered(Instant at, String text) {
    }

    private final Map<String, List<Delivered>> byUser = new ConcurrentHashMap<>();

    void deliver(String openId, String text) {
        List<Delivered> list = byUser.computeIfAbsent(openId, k -> new ArrayList<>());
        synchronized (list) {
            list.add(new Delivered(Instant.now(), text));
            if (list.size() > 50) {
                list.remove(0);
            }
        }
    }

    List<Delivered> messages(String openId) {
        List<Delivered> list = byUser.getOrDefault(openId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
