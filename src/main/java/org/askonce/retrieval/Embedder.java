package org.askonce.retrieval;

import java.util.List;

/**
 * A sentence-embedding model: text in, a unit-length vector out, texts of similar meaning close
 * together. {@link #model()} names the model and its version; every stored vector records it, so a
 * vector of another model is never compared with this one's.
 */
public interface Embedder {

    /** The model's name and version, e.g. {@code bge-small-zh-v1.5-q}. */
    String model();

    int dimension();

    /** The unit-length vector of one text. */
    float[] embed(String text);

    /** The vectors of several texts, in order (faster than one at a time). */
    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
