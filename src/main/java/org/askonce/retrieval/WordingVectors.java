package org.askonce.retrieval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The vectors of knowledge-base wordings: from the caches, in order (the first is where new
 * vectors are kept), and from the model for what none of them has.
 */
final class WordingVectors {

    private static final int BATCH = 32;
    private final Embedder embedder;
    private final List<VectorCache> caches;

    WordingVectors(Embedder embedder, List<VectorCache> caches) {
        this.embedder = embedder;
        this.caches = List.copyOf(caches);
    }

    Embedder embedder() {
        return embedder;
    }

    /** How many of the texts no cache has a vector for. */
    int missing(Collection<String> texts) {
        return lookUp(new LinkedHashSet<>(texts)).missing().size();
    }

    private record LookUp(Map<String, byte[]> found, List<String> missing) {
    }

    private LookUp lookUp(Collection<String> texts) {
        Map<String, String> byDigest = new HashMap<>();
        for (String t : texts) {
            byDigest.put(Vectors.digest(t), t);
        }
        Map<String, byte[]> found = new HashMap<>();
        Map<String, String> open = new HashMap<>(byDigest);
        for (VectorCache cache : caches) {
            if (open.isEmpty()) {
                break;
            }
            cache.find(embedder.model(), open.keySet()).forEach((digest, stored) -> {
                found.put(open.remove(digest), stored);
            });
        }
        return new LookUp(found, new ArrayList<>(open.values()));
    }

    /**
     * The vector of every text (text → unit vector), computing and caching the missing ones;
     * {@code progress} is told how many have been computed so far.
     */
    Map<String, float[]> of(Collection<String> texts, IntConsumer progress) {
        Map<String, float[]> vectors = new HashMap<>();
        stored(texts, progress).forEach((text, v) -> vectors.put(text, Vectors.decode(v)));
        return vectors;
    }

    /** As {@link #of}, in the stored form (text → {@link Vectors#encode}). */
    Map<String, byte[]> stored(Collection<String> texts, IntConsumer progress) {
        LookUp lookUp = lookUp(new LinkedHashSet<>(texts));
        Map<String, byte[]> vectors = new HashMap<>(lookUp.found());
        List<String> missing = lookUp.missing();
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> computed = embedder.embedAll(batch);
            Map<String, byte[]> stored = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                byte[] encoded = Vectors.encode(computed.get(i));
                stored.put(Vectors.digest(batch.get(i)), encoded);
                vectors.put(batch.get(i), encoded);
            }
            if (!caches.isEmpty()) {
                caches.get(0).store(embedder.model(), stored);
            }
            progress.accept(Math.min(missing.size(), from + BATCH));
        }
        return vectors;
    }
}
