package org.askonce.knowledge.editing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.askonce.knowledge.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposed Q&A waiting for knowledge editors. Storing a proposal changes nothing citizens get. An
 * editor adopts a proposal (it becomes a FAQ in a draft version of an item, which a reviewer then
 * publishes) or rejects it; either way it is handled once, with who and when.
 */
@NamedInterface("editing")
@Service
public class KnowledgeDrafts {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDrafts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 4000;
    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final KnowledgeBase knowledgeBase;
    private final KnowledgeEditor editor;
    private final Clock clock;

    @Autowired
    KnowledgeDrafts(JdbcClient jdbc, KnowledgeBase knowledgeBase, KnowledgeEditor editor) {
        this(jdbc, knowledgeBase, editor, Clock.systemUTC());
    }

    KnowledgeDrafts(JdbcClient jdbc, KnowledgeBase knowledgeBase, KnowledgeEditor editor, Clock clock) {
        this.jdbc = jdbc;
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
        this.clock = clock;
    }

    /**
     * Stores a proposed Q&A as a draft and returns its id.
     *
     * @throws IllegalArgumentException naming what is wrong: no question or answer, too long, an unknown item
     */
    public long propose(String itemId, String question, List<String> similarQuestions, String answer, String source, String sourceRef,
                        String proposedBy) {
        String q = checkedQuestion(question);
        String a = checkedAnswer(answer);
        String item = itemId == null || itemId.isBlank() ? null : itemId.strip();
        if (item != null && knowledgeBase.snapshot().item(item).isEmpty()) {
            throw new IllegalArgumentException("没有这个事项：" + item);
        }
        List<String> similar = similar(similarQuestions, q);
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
        return jdbc.sql("SELECT * FROM kb_faq_draft WHERE status = 'PROPOSED' ORDER BY id DESC").query((rs, n) -> proposal(rs)).list();
    }

    public Optional<FaqProposal> find(long id) {
        return jdbc.sql("SELECT * FROM kb_faq_draft WHERE id = ?").param(id).query((rs, n) -> proposal(rs)).optional();
    }

    /**
     * Adopts a proposal: the question (with its similar questions) and answer, as the editor may have
     * changed them, become a new FAQ of the item in a draft version, and the proposal is ADOPTED.
     * Returns the draft, which waits in the review queue. All or nothing: a refusal changes nothing.
     *
     * @throws IllegalArgumentException no such proposal, already handled, no such item, no question or answer, too long
     */
    @Transactional
    public ItemVersion adopt(long id, String itemId, String question, List<String> similarQuestions, String answer, String editorName) {
        requireProposed(id);
        String q = checkedQuestion(question);
        String a = checkedAnswer(answer);
        claim(id, FaqProposal.Status.ADOPTED, editorName, null);
        ItemVersion draft = editor.draftFaq(itemId, q, similar(similarQuestions, q), a, editorName); // refused: the claim is rolled back
        jdbc.sql("UPDATE kb_faq_draft SET adopted_item_id = ?, adopted_version = ? WHERE id = ?")
                .params(draft.itemId(), draft.version(), id).update();
        log.info("{} adopted proposal {} as {} version {}", editorName, id, draft.itemId(), draft.version());
        return draft;
    }

    /**
     * Rejects a proposal, with an optional reason; it leaves the list and changes nothing else.
     *
     * @throws IllegalArgumentException no such proposal, already handled, a reason that is too long
     */
    @Transactional
    public FaqProposal reject(long id, String reason, String editorName) {
        requireProposed(id);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw new IllegalArgumentException("不采纳的理由不能超过" + MAX_REASON + "字");
        }
        claim(id, FaqProposal.Status.REJECTED, editorName, why);
        log.info("{} rejected proposal {}", editorName, id);
        return find(id).orElseThrow();
    }

    /** Marks the proposal handled if nobody has yet; of two editors at once, exactly one gets it. */
    private void claim(long id, FaqProposal.Status status, String editorName, String note) {
        int updated = jdbc.sql("""
                        UPDATE kb_faq_draft SET status = ?, handled_by = ?, handled_at = ?, handled_note = ?
                        WHERE id = ? AND status = 'PROPOSED'""")
                .params(status.name(), editorName, Timestamp.from(clock.instant()), note, id).update();
        if (updated == 0) {
            requireProposed(id);
            throw new IllegalStateException("proposal " + id + " could not be claimed"); // not reached
        }
    }

    private void requireProposed(long id) {
        FaqProposal p = find(id).orElseThrow(() -> new IllegalArgumentException("没有这条知识草稿：" + id));
        if (p.status() == FaqProposal.Status.ADOPTED) {
            throw new IllegalArgumentException("这条知识草稿已由 " + p.handledBy() + " 于 " + TIME.format(p.handledAt()) + " 采纳"
                    + (p.adoptedItemId() == null ? "" : "（事项 " + p.adoptedItemId() + " 第" + p.adoptedVersion() + "版草稿）")
                    + "，不能再处理");
        }
        if (p.status() == FaqProposal.Status.REJECTED) {
            throw new IllegalArgumentException("这条知识草稿已由 " + p.handledBy() + " 于 " + TIME.format(p.handledAt()) + " 标为不采纳"
                    + (p.handledNote() == null ? "" : "（" + p.handledNote() + "）") + "，不能再处理");
        }
    }

    private static String checkedQuestion(String question) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("问题不能为空");
        }
        if (q.length() > MAX_QUESTION) {
            throw new IllegalArgumentException("问题不能超过" + MAX_QUESTION + "字");
        }
        return q;
    }

    private static String checkedAnswer(String answer) {
        String a = answer == null ? "" : answer.strip();
        if (a.isEmpty()) {
            throw new IllegalArgumentException("答案不能为空");
        }
        if (a.length() > MAX_ANSWER) {
            throw new IllegalArgumentException("答案不能超过" + MAX_ANSWER + "字");
        }
        return a;
    }

    private static List<String> similar(List<String> similarQuestions, String question) {
        List<String> similar = new ArrayList<>();
        for (String s : similarQuestions == null ? List.<String>of() : similarQuestions) {
            String t = s == null ? "" : s.strip().replace("\n", " ");
            if (!t.isEmpty() && !t.equals(question) && !similar.contains(t) && t.length() <= MAX_QUESTION) {
                similar.add(t);
            }
        }
        return similar;
    }

    private static FaqProposal proposal(ResultSet rs) throws SQLException {
        String similar = rs.getString("similar_questions");
        Timestamp handledAt = rs.getTimestamp("handled_at");
        return new FaqProposal(rs.getLong("id"), rs.getString("item_id"), rs.getString("question"),
                similar.isEmpty() ? List.of() : Arrays.asList(similar.split("\n")), rs.getString("answer"),
                rs.getString("source"), rs.getString("source_ref"), rs.getString("proposed_by"),
                rs.getTimestamp("created_at").toInstant(), FaqProposal.Status.valueOf(rs.getString("status")),
                rs.getString("handled_by"), handledAt == null ? null : handledAt.toInstant(), rs.getString("handled_note"),
                rs.getString("adopted_item_id"), (Integer) rs.getObject("adopted_version"));
    }
}
