package org.askonce.retrieval;

import java.util.Collection;
import java.util.Map;

/**
 * Vectors already computed, by model and text digest ({@link Vectors#digest}), in their stored
 * form ({@link Vectors#encode}): what spares a restart, a publication or a second instance from
 * embedding again what it has embedded before.
 */
public interface VectorCache {

    /** The stored vectors of those digests this cache has for the model. */
    Map<String, byte[]> find(String model, Collection<String> digests);

    /** Keeps vectors (digest → stored form); ones it already has are left as they are. */
    void store(String model, Map<String, byte[]> vectors);

    /** A cache that keeps nothing. */
    VectorCache NONE = new VectorCache() {
        @Override
        public Map<String, byte[]> find(String model, Collection<String> digests) {
            return Map.of();
        }

        @Override
        public void store(String model, Map<String, byte[]> vectors) {
        }
    };
}
