package org.askonce.retrieval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The vector cache in the database (table {@code embedding_cache}), shared by every instance on the
 * same database: a restart or a second instance embeds only wordings nobody has embedded yet.
 */
final class JdbcVectorCache implements VectorCache {

    private static final int CHUNK = 500;
    private final JdbcClient jdbc;

    JdbcVectorCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, byte[]> find(String model, Collection<String> digests) {
        Map<String, byte[]> found = new HashMap<>();
        List<String> all = List.copyOf(digests);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.sql("SELECT digest, vector FROM embedding_cache WHERE model = :model AND digest IN (:digests)")
                    .param("model", model).param("digests", chunk)
                    .query((rs, n) -> found.put(rs.getString(1), Base64.getDecoder().decode(rs.getString(2))))
                    .list();
        }
        return found;
    }

    @Override
    public void store(String model, Map<String, byte[]> vectors) {
        Map<String, byte[]> missing = new HashMap<>(vectors);
        missing.keySet().removeAll(find(model, vectors.keySet()).keySet());
        Timestamp now = Timestamp.from(Instant.now());
        List<Map.Entry<String, byte[]>> rows = new ArrayList<>(missing.entrySet());
        for (Map.Entry<String, byte[]> row : rows) {
            try {
                jdbc.sql("INSERT INTO embedding_cache (model, digest, vector, created_at) VALUES (?, ?, ?, ?)")
                        .params(model, row.getKey(), Base64.getEncoder().encodeToString(row.getValue()), now).update();
            } catch (DataIntegrityViolationException another) {
                // another instance stored the same vector meanwhile: it is the same
            }
        }
    }
}
