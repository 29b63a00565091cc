package org.askonce.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of citizens' questions, with a small least-recently-used cache (the same question is
 * often asked many times: "社保卡丢了怎么办"). Size 0 switches the cache off.
 */
final class QueryVectors {

    private final Embedder embedder;
    private final int size;
    private final Map<String, float[]> cache;

    QueryVectors(Embedder embedder, int size) {
        this.embedder = embedder;
        this.size = size;
        this.cache = new LinkedHashMap<>(Math.max(16, size), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > QueryVectors.this.size;
            }
        };
    }

    Embedder embedder() {
        return embedder;
    }

    float[] of(String question) {
        if (size == 0) {
            return Vectors.canonical(embedder.embed(question));
        }
        synchronized (cache) {
            float[] v = cache.get(question);
            if (v != null) {
                return v;
            }
        }
        float[] v = Vectors.canonical(embedder.embed(question));
        synchronized (cache) {
            cache.put(question, v);
        }
        return v;
    }
}
