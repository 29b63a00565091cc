package org.askonce.retrieval;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A vector cache in the JVM (evaluation, benchmarks, tests). */
public final class InMemoryVectorCache implements VectorCache {

    private final Map<String, byte[]> vectors = new ConcurrentHashMap<>();

    @Override
    public Map<String, byte[]> find(String model, Collection<String> digests) {
        Map<String, byte[]> found = new HashMap<>();
        for (String digest : digests) {
            byte[] v = vectors.get(model + ":" + digest);
            if (v != null) {
                found.put(digest, v);
            }
        }
        return found;
    }

    @Override
    public void store(String model, Map<String, byte[]> stored) {
        stored.forEach((digest, v) -> vectors.putIfAbsent(model + ":" + digest, v));
    }

    public int size() {
        return vectors.size();
    }
}
