package org.askonce.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.DialogueSettings;
import org.askonce.dialogue.InMemoryConversationStore;
import org.askonce.dialogue.Reply;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.editing.ItemVersion;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.askonce.knowledge.lexicon.LexiconEditor;
import org.askonce.nlp.Token;
import org.askonce.retrieval.AnswerModels;
import org.askonce.retrieval.Explanation;
import org.askonce.retrieval.Retriever;
import org.springframework.stereotype.Service;

/**
 * The editors' "try it" box: what a citizen would get for a question from the published knowledge
 * base, and from the published knowledge base with one item's draft in it, or with the lexicon's
 * draft — the reply, what the bot did, how the question was segmented and normalised, the
 * candidates with their scores and why they matched. Nothing is stored.
 */
@Service
public class TryIt {

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeEditor editor;
    private final LexiconEditor lexicon;
    private final AnswerModels models;
    private final Retriever retriever;
    private final DialogueSettings dialogueSettings;
    private final Map<String, Engine> draftEngines = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Engine> eldest) {
            if (size() > 4) {
                eldest.getValue().retriever().close();
                return true;
            }
            return false;
        }
    };

    TryIt(KnowledgeBase knowledgeBase, KnowledgeEditor editor, LexiconEditor lexicon, AnswerModels models, Retriever retriever,
          DialogueSettings dialogueSettings) {
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
        this.lexicon = lexicon;
        this.models = models.with(models.settings().inMemory());
        this.retriever = retriever;
        this.dialogueSettings = dialogueSettings;
    }

    /** The reply and the reasons for it; {@code words}: the question segmented, "狗证→养犬登记" where the lexicon normalised a word. */
    public record Result(String label, Reply reply, Explanation explanation, List<String> words) {
    }

    private record Engine(DialogueEngine dialogue, Retriever retriever) {
    }

    /**
     * The question against the published knowledge base, and (when {@code itemId} and {@code version}
     * are given) against it with that version of the item in place of the published one.
     *
     * @throws IllegalArgumentException for an empty or overlong question or an unknown version
     */
    public List<Result> tryQuestion(String question, String itemId, Integer version) {
        check(question);
        List<Result> out = new ArrayList<>();
        out.add(run("已发布", live(), question));
        if (itemId != null && !itemId.isBlank() && version != null) {
            out.add(runWithDraft(itemId, version, question));
        }
        return out;
    }

    /**
     * The question against the published knowledge base, and against it with the lexicon's draft
     * instead of the published lexicon (a dictionary, synonyms and index built for it, kept while
     * neither the draft nor the publication changes).
     *
     * @throws IllegalArgumentException for an empty or overlong question
     */
    public List<Result> tryDraftLexicon(String question) {
        check(question);
        return List.of(run("已发布", live(), question), runWithDraftLexicon(question));
    }

    private static void check(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("请输入一个问题");
        }
        if (question.length() > 500) {
            throw new IllegalArgumentException("问题不能超过500字");
        }
    }

    private Engine live() {
        return new Engine(DialogueEngine.create(KnowledgeBase.of(knowledgeBase.snapshot()), retriever,
                new InMemoryConversationStore(false), dialogueSettings), retriever);
    }

    private static Result run(String label, Engine engine, String question) {
        Reply reply = engine.dialogue().handle(Channel.WEB, "try-it", question);
        List<String> words = engine.retriever().current().analyze(question).tokens().stream()
                .map((Token t) -> t.term().equals(t.text()) ? t.text() : t.text() + "→" + t.term()).toList();
        return new Result(label, reply, engine.retriever().explain(question, 5), words);
    }

    /** Under the lock, so that a cached engine is not closed (evicted) while it answers. */
    private synchronized Result runWithDraftLexicon(String question) {
        Lexicon draft = lexicon.draft();
        // a digest of the draft, not its hashCode: two drafts that collide would share an engine
        String key = "lexicon#" + org.askonce.retrieval.Vectors.digest(new java.util.TreeMap<>(draft.entries()).toString()) + "@" + knowledgeBase.publication();
        Engine engine = draftEngines.get(key);
        if (engine == null) {
            KnowledgeSnapshot live = knowledgeBase.snapshot();
            engine = engine(new KnowledgeSnapshot(live.items(), live.hallFaqs(), draft));
            draftEngines.put(key, engine);
        }
        return run("词库草稿", engine, question);
    }

    /** Under the lock, so that a cached engine is not closed (evicted) while it answers. */
    private synchronized Result runWithDraft(String itemId, int version, String question) {
        return run("第" + version + "版草稿", draftEngine(itemId, version), question);
    }

    private Engine draftEngine(String itemId, int version) {
        String key = itemId + "#" + version + "@" + knowledgeBase.publication();
        Engine cached = draftEngines.get(key);
        if (cached != null) {
            return cached;
        }
        ItemVersion v = editor.version(itemId, version).orElseThrow(() -> new IllegalArgumentException("没有这个版本：" + itemId + " 第" + version + "版"));
        KnowledgeSnapshot live = knowledgeBase.snapshot();
        List<ServiceItem> items = new ArrayList<>(live.items().stream().filter(i -> !i.id().equals(itemId)).toList());
        items.add(v.item());
        Engine engine = engine(new KnowledgeSnapshot(items, live.hallFaqs(), live.lexicon()));
        draftEngines.put(key, engine);
        return engine;
    }

    /** An engine in memory for another knowledge base: its own model (pipeline with its dictionary and lexicon, index, vectors). */
    private Engine engine(KnowledgeSnapshot snapshot) {
        Retriever draftRetriever = Retriever.of(models.build(-1, snapshot));
        return new Engine(DialogueEngine.create(KnowledgeBase.of(snapshot), draftRetriever,
                new InMemoryConversationStore(false), dialogueSettings), draftRetriever);
    }
}
