package org.askonce.knowledge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.Mappers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lexicon's draft changes ({@code kb_lexicon_draft}) and published versions
 * ({@code kb_lexicon_version}). Editors go through {@link org.askonce.knowledge.lexicon.LexiconEditor}.
 */
@Repository
public class LexiconStore {

    /** Who the lexicon as first loaded is attributed to, as for items. */
    public static final String INITIAL_AUTHOR = "导入";

    private final JdbcClient jdbc;

    public LexiconStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A draft change of one term: what it is to become ({@code null}: removed), by whom, when. */
    public record DraftRow(String term, Lexicon.Entry entry, String changedBy, Instant changedAt) {
    }

    /**
     * Locks the publication counter's row until the transaction ends, so that lexicon edits and
     * publications, on any instance, happen one at a time (each checks the lexicon it then changes).
     */
    public void lock() {
        jdbc.sql("SELECT counter FROM kb_publication WHERE id = 1 FOR UPDATE").query(Long.class).single();
    }

    public List<DraftRow> draftRows() {
        return jdbc.sql("SELECT term, official, removed, changed_by, changed_at FROM kb_lexicon_draft ORDER BY term")
                .query((rs, n) -> new DraftRow(rs.getString("term"),
                        rs.getBoolean("removed") ? null : new Lexicon.Entry(rs.getString("term"), rs.getString("official")),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Records that {@code term} is to become {@code entry} ({@code null}: to be removed). */
    public void putDraft(String term, Lexicon.Entry entry, String changedBy, Instant at) {
        deleteDraft(term);
        jdbc.sql("INSERT INTO kb_lexicon_draft (term, official, removed, changed_by, changed_at) VALUES (?,?,?,?,?)")
                .params(term, entry == null ? null : entry.official(), entry == null, changedBy, Timestamp.from(at))
                .update();
    }

    /** Forgets the draft change of one term; true if there was one. */
    public boolean deleteDraft(String term) {
        return jdbc.sql("DELETE FROM kb_lexicon_draft WHERE term = ?").param(term).update() > 0;
    }

    public int clearDraft() {
        return jdbc.sql("DELETE FROM kb_lexicon_draft").update();
    }

    /** Every stored version, newest first (the newest is the one published now). */
    public List<LexiconVersion> versions() {
        List<LexiconVersion> versions = jdbc.sql("SELECT * FROM kb_lexicon_version ORDER BY version DESC").query(this::row).list();
        if (versions.isEmpty()) {
            return versions;
        }
        LexiconVersion newest = versions.get(0);
        versions.set(0, new LexiconVersion(newest.version(), newest.lexicon(), newest.publishedBy(), newest.publishedAt(), newest.note(), true));
        return versions;
    }

    public Optional<LexiconVersion> version(int version) {
        return versions().stream().filter(v -> v.version() == version).findFirst();
    }

    /**
     * Records a publication of the lexicon as the next version and returns its number. The first
     * time, the lexicon as it was before ({@code before}) is kept as version 1, so that the
     * history starts with what was there.
     */
    public int recordPublication(Lexicon before, Lexicon after, String publishedBy, Instant at, String note) {
        int latest = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM kb_lexicon_version").query(Integer.class).single();
        if (latest == 0) {
            insert(1, before, INITIAL_AUTHOR, at, "首次编辑前的词库");
            latest = 1;
        }
        insert(latest + 1, after, publishedBy, at, note);
        return latest + 1;
    }

    private void insert(int version, Lexicon lexicon, String publishedBy, Instant at, String note) {
        jdbc.sql("INSERT INTO kb_lexicon_version (version, body, published_by, published_at, note) VALUES (?,?,?,?,?)")
                .params(version, write(lexicon), publishedBy, Timestamp.from(at), note == null || note.length() <= 500 ? note : note.substring(0, 500))
                .update();
    }

    private LexiconVersion row(ResultSet rs, int n) throws SQLException {
        return new LexiconVersion(rs.getInt("version"), Mappers.fromJson(rs.getString("body"), Lexicon.class), rs.getString("published_by"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("note"), false);
    }

    private String write(Lexicon lexicon) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("synonyms", lexicon.sortedSynonyms());
        body.put("words", lexicon.sortedWords());
        return Mappers.toJson(body);
    }

}
