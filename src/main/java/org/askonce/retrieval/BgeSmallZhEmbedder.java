package org.askonce.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bge-small-zh-v1.5, quantized, run in-process by ONNX Runtime (langchain4j packs the model and its
 * tokenizer inside its jar: nothing is downloaded). The model is loaded once per JVM, on first use,
 * and shared: it is thread-safe and takes about 100 MB.
 */
public final class BgeSmallZhEmbedder implements Embedder {

    private static final Logger log = LoggerFactory.getLogger(BgeSmallZhEmbedder.class);
    public static final String MODEL = "bge-small-zh-v1.5-q";
    private static final int DIMENSION = 512;
    private static volatile BgeSmallZhV15QuantizedEmbeddingModel shared;

    private static BgeSmallZhV15QuantizedEmbeddingModel loaded() {
        BgeSmallZhV15QuantizedEmbeddingModel m = shared;
        if (m == null) {
            synchronized (BgeSmallZhEmbedder.class) {
                m = shared;
                if (m == null) {
                    long start = System.nanoTime();
                    m = new BgeSmallZhV15QuantizedEmbeddingModel();
                    m.embed("预热"); // the first inference initialises ONNX Runtime's session
                    shared = m;
                    log.info("Embedding model {} loaded in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return m;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return Vectors.normalised(loaded().embed(text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = loaded().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(e -> Vectors.normalised(e.vector())).toList();
    }

    @Override
    public String toString() {
        return MODEL;
    }
}
