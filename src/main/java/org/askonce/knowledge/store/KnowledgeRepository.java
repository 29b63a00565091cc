package org.askonce.knowledge.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.Mappers;
import org.askonce.knowledge.ServiceItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The knowledge base in the database. Package-private: go through {@link KnowledgeBase}. */
@Repository
public class KnowledgeRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public KnowledgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Nothing has been stored yet: no item, no FAQ, no lexicon term. A knowledge base of hall FAQs or a
     * lexicon only (a new deployment's folder may hold just those) is not empty, so it is loaded once.
     */
    public boolean isEmpty() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM kb_item) + (SELECT COUNT(*) FROM kb_faq) + (SELECT COUNT(*) FROM kb_lexicon)")
                .query(Long.class).single() == 0;
    }

    /** Stores a whole knowledge base in one transaction: all of it or nothing. */
    @Transactional
    public void insertAll(KnowledgeSnapshot snapshot) {
        Timestamp now = Timestamp.from(Instant.now());
        for (ServiceItem item : snapshot.items()) {
            jdbc.sql("INSERT INTO kb_item (id, name, department, audience, body, last_reviewed, updated_at) VALUES (?,?,?,?,?,?,?)")
                    .params(item.id(), item.name(), item.department(), item.audience(), Mappers.toJson(item.withFaqs(List.of())),
                            item.lastReviewed() == null ? null : Date.valueOf(item.lastReviewed()), now)
                    .update();
            insertFaqs(item.faqs(), now);
        }
        insertFaqs(snapshot.hallFaqs(), now);
        mergeLexicon(snapshot.lexicon());
        insertEvents(snapshot.events());
    }

    /** Whether no life event is stored (a database filled before events existed). */
    public boolean hasNoEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM kb_event").query(Long.class).single() == 0;
    }

    /** Adds life events (their items must be stored already). */
    public void insertEvents(List<LifeEvent> events) {
        Timestamp now = Timestamp.from(Instant.now());
        for (LifeEvent event : events) {
            jdbc.sql("INSERT INTO kb_event (id, name, body, updated_at) VALUES (?,?,?,?)")
                    .params(event.id(), event.name(), Mappers.toJson(event), now).update();
        }
    }

    /** Replaces one life event in the live store (a publication), or adds it if new. */
    public void replaceEvent(LifeEvent event) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("UPDATE kb_event SET name = ?, body = ?, updated_at = ? WHERE id = ?")
                .params(event.name(), Mappers.toJson(event), now, event.id()).update();
        if (updated == 0) {
            insertEvents(List.of(event));
        }
    }

    /** Takes a life event out of the live store (retired: no longer answered). */
    public void deleteEvent(String eventId) {
        jdbc.sql("DELETE FROM kb_event WHERE id = ?").param(eventId).update();
    }

    /** Replaces one item and its FAQs in the live store (a publication), or adds it if new. */
    public void replaceItem(ServiceItem item) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("DELETE FROM kb_faq WHERE item_id = ?").param(item.id()).update();
        int updated = jdbc.sql("UPDATE kb_item SET name = ?, department = ?, audience = ?, body = ?, last_reviewed = ?, updated_at = ? WHERE id = ?")
                .params(item.name(), item.department(), item.audience(), Mappers.toJson(item.withFaqs(List.of())),
                        item.lastReviewed() == null ? null : Date.valueOf(item.lastReviewed()), now, item.id())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO kb_item (id, name, department, audience, body, last_reviewed, updated_at) VALUES (?,?,?,?,?,?,?)")
                    .params(item.id(), item.name(), item.department(), item.audience(), Mappers.toJson(item.withFaqs(List.of())),
                            item.lastReviewed() == null ? null : Date.valueOf(item.lastReviewed()), now)
                    .update();
        }
        insertFaqs(item.faqs(), now);
    }

    /** Adds or replaces hall FAQs (by id) and lexicon terms. */
    public void mergeHallFaqsAndLexicon(List<Faq> hallFaqs, Lexicon lexicon) {
        Timestamp now = Timestamp.from(Instant.now());
        for (Faq faq : hallFaqs) {
            jdbc.sql("DELETE FROM kb_faq WHERE id = ?").param(faq.id()).update();
        }
        insertFaqs(hallFaqs, now);
        mergeLexicon(lexicon);
    }

    /**
     * Adds or replaces lexicon terms. A plain word that is also a colloquial term (lexicon.yaml lists 狗证 both
     * under 养犬登记 and under words) keeps its official term: a colloquial term is a dictionary word anyway,
     * and a row holds one or the other.
     */
    private void mergeLexicon(Lexicon lexicon) {
        lexicon.synonyms().forEach((official, terms) -> terms.forEach(term -> upsertLexicon(term, official)));
        for (String word : lexicon.words()) {
            if (jdbc.sql("SELECT COUNT(*) FROM kb_lexicon WHERE term = ?").param(word).query(Long.class).single() == 0) {
                jdbc.sql("INSERT INTO kb_lexicon (term, official) VALUES (?, NULL)").param(word).update();
            }
        }
    }

    /** Replaces the whole lexicon (a publication of the lexicon editor). */
    public void replaceLexicon(Lexicon lexicon) {
        jdbc.sql("DELETE FROM kb_lexicon").update();
        lexicon.synonyms().forEach((official, terms) -> terms.forEach(term ->
                jdbc.sql("INSERT INTO kb_lexicon (term, official) VALUES (?, ?)").params(term, official).update()));
        lexicon.words().forEach(word -> jdbc.sql("INSERT INTO kb_lexicon (term, official) VALUES (?, NULL)").param(word).update());
    }

    private void insertFaqs(List<Faq> faqs, Timestamp now) {
        for (int i = 0; i < faqs.size(); i++) {
            Faq faq = faqs.get(i);
            jdbc.sql("INSERT INTO kb_faq (id, item_id, position, topic, question, similar_questions, answer, updated_at) VALUES (?,?,?,?,?,?,?,?)")
                    .params(faq.id(), faq.itemId(), i, faq.topic() == null ? null : faq.topic().name(), faq.question(),
                            Mappers.toJson(faq.similar()), faq.answer(), now)
                    .update();
        }
    }

    private void upsertLexicon(String term, String official) {
        int updated = jdbc.sql("UPDATE kb_lexicon SET official = ? WHERE term = ?").params(official, term).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO kb_lexicon (term, official) VALUES (?, ?)").params(term, official).update();
        }
    }

    @Transactional(readOnly = true)
    public KnowledgeSnapshot load() {
        Map<String, List<Faq>> faqsByItem = new LinkedHashMap<>();
        List<Faq> hallFaqs = new ArrayList<>();
        jdbc.sql("SELECT id, item_id, topic, question, similar_questions, answer FROM kb_faq ORDER BY item_id, position, id")
                .query((rs, n) -> new Faq(rs.getString("id"), rs.getString("item_id"),
                        rs.getString("topic") == null ? null : Element.valueOf(rs.getString("topic")),
                        rs.getString("question"), Mappers.fromJson(rs.getString("similar_questions"), STRINGS), rs.getString("answer")))
                .list()
                .forEach(f -> {
                    if (f.itemId() == null) {
                        hallFaqs.add(f);
                    } else {
                        faqsByItem.computeIfAbsent(f.itemId(), k -> new ArrayList<>()).add(f);
                    }
                });
        List<ServiceItem> items = jdbc.sql("SELECT id, body FROM kb_item ORDER BY id")
                .query((rs, n) -> Mappers.fromJson(rs.getString("body"), ServiceItem.class))
                .list().stream()
                .map(item -> item.withFaqs(faqsByItem.getOrDefault(item.id(), List.of())))
                .toList();
        List<LifeEvent> events = jdbc.sql("SELECT body FROM kb_event ORDER BY id")
                .query((rs, n) -> Mappers.fromJson(rs.getString("body"), LifeEvent.class)).list();
        return new KnowledgeSnapshot(items, hallFaqs, loadLexicon(), events);
    }

    /** The published lexicon as stored now (this instance's snapshot may be a poll behind). */
    public Lexicon loadLexicon() {
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        jdbc.sql("SELECT term, official FROM kb_lexicon ORDER BY official, term")
                .query((rs, n) -> new String[] {rs.getString("term"), rs.getString("official")})
                .list()
                .forEach(row -> {
                    if (row[1] == null) {
                        words.add(row[0]);
                    } else {
                        synonyms.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row[0]);
                    }
                });
        return new Lexicon(synonyms, words);
    }
}
