package org.askonce.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Proposed Q&A waiting for knowledge editors. Storing a proposal changes nothing citizens get:
 * only publishing (the editor console) does.
 */
@Service
public class KnowledgeDrafts {

    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 4000;

    private final JdbcClient jdbc;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock;

    @Autowired
    KnowledgeDrafts(JdbcClient jdbc, KnowledgeBase knowledgeBase) {
        this(jdbc, knowledgeBase, Clock.systemUTC());
    }

    KnowledgeDrafts(JdbcClient jdbc, KnowledgeBase knowledgeBase, Clock clock) {
        this.jdbc = jdbc;
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
    }

    /**
     * Stores a proposed Q&A as a draft and returns its id.
     *
     * @throws IllegalArgumentException naming what is wrong: no question or answer, too long, an unknown item
     */
    public long propose(String itemId, String question, List<String> similarQuestions, String answer, String source, String sourceRef,
                        String proposedBy) {
        String q = question == null ? "" : question.strip();
        String a = answer == null ? "" : answer.strip();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("问题不能为空");
        }
        if (q.length() > MAX_QUESTION) {
            throw new IllegalArgumentException("问题不能超过" + MAX_QUESTION + "字");
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException("答案不能为空");
        }
        if (a.length() > MAX_ANSWER) {
            throw new IllegalArgumentException("答案不能超过" + MAX_ANSWER + "字");
        }
        String item = itemId == null || itemId.isBlank() ? null : itemId.strip();
        if (item != null && knowledgeBase.snapshot().item(item).isEmpty()) {
            throw new IllegalArgumentException("没有这个事项：" + item);
        }
        List<String> similar = new ArrayList<>();
        for (String s : similarQuestions == null ? List.<String>of() : similarQuestions) {
            String t = s == null ? "" : s.strip().replace("\n", " ");
            if (!t.isEmpty() && !t.equals(q) && !similar.contains(t) && t.length() <= MAX_QUESTION) {
                similar.add(t);
            }
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO kb_faq_draft (item_id, question, similar_questions, answer, source, source_ref, proposed_by, created_at, status)
                        VALUES (?,?,?,?,?,?,?,?,'PROPOSED')""")
                .params(item, q, String.join("\n", similar), a, source, sourceRef, proposedBy, Timestamp.from(clock.instant()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Proposals not yet dealt with, newest first. */
    public List<FaqProposal> proposed() {
        return jdbc.sql("SELECT * FROM kb_faq_draft WHERE status = 'PROPOSED' ORDER BY id DESC")
                .query((rs, n) -> {
                    String similar = rs.getString("similar_questions");
                    return new FaqProposal(rs.getLong("id"), rs.getString("item_id"), rs.getString("question"),
                            similar.isEmpty() ? List.of() : Arrays.asList(similar.split("\n")), rs.getString("answer"),
                            rs.getString("source"), rs.getString("source_ref"), rs.getString("proposed_by"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("status"));
                }).list();
    }
}
