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
import org.askonce.knowledge.ItemVersion;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeEditor;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.TextPipeline;
import org.askonce.retrieval.Explanation;
import org.askonce.retrieval.RetrievalSettings;
import org.askonce.retrieval.Retriever;
import org.springframework.stereotype.Service;

/**
 * The editors' "try it" box: what a citizen would get for a question from the published knowledge
 * base, and from the published knowledge base with one item's draft in it — the reply, what the
 * bot did, the candidates with their scores and why they matched. Nothing is stored.
 */
@Service
public class TryIt {

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeEditor editor;
    private final TextPipeline pipeline;
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

    TryIt(KnowledgeBase knowledgeBase, KnowledgeEditor editor, TextPipeline pipeline, Retriever retriever, DialogueSettings dialogueSettings) {
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
        this.pipeline = pipeline;
        this.retriever = retriever;
        this.dialogueSettings = dialogueSettings;
    }

    /** The reply and the reasons for it. */
    public record Result(String label, Reply reply, Explanation explanation) {
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
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("请输入一个问题");
        }
        if (question.length() > 500) {
            throw new IllegalArgumentException("问题不能超过500字");
        }
        List<Result> out = new ArrayList<>();
        Engine live = new Engine(DialogueEngine.create(KnowledgeBase.of(knowledgeBase.snapshot()), pipeline, retriever,
                new InMemoryConversationStore(false), dialogueSettings), retriever);
        out.add(run("已发布", live, question));
        if (itemId != null && !itemId.isBlank() && version != null) {
            out.add(runWithDraft(itemId, version, question));
        }
        return out;
    }

    private static Result run(String label, Engine engine, String question) {
        Reply reply = engine.dialogue().handle(Channel.WEB, "try-it", question);
        return new Result(label, reply, engine.retriever().explain(question, 5));
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
        KnowledgeSnapshot withDraft = new KnowledgeSnapshot(items, live.hallFaqs(), live.lexicon());
        TextPipeline draftPipeline = pipeline.rebuiltFor(withDraft);
        RetrievalSettings s = retriever.settings();
        Retriever draftRetriever = Retriever.create(withDraft, draftPipeline,
                new RetrievalSettings(s.answerThreshold(), s.suggestThreshold(), s.ambiguityMargin(), s.hits(), s.menuSize(), null));
        Engine engine = new Engine(DialogueEngine.create(KnowledgeBase.of(withDraft), draftPipeline, draftRetriever,
                new InMemoryConversationStore(false), dialogueSettings), draftRetriever);
        draftEngines.put(key, engine);
        return engine;
    }
}
