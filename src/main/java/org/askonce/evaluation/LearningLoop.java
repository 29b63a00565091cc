package org.askonce.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.ConversationStatistics;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.DialogueSettings;
import org.askonce.dialogue.InMemoryConversationStore;
import org.askonce.dialogue.Reply;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.editing.ItemVersion;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.askonce.nlp.TextPipeline;
import org.askonce.privacy.PersonalData;
import org.askonce.retrieval.Retriever;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The ask-once learning loop: questions the bot handed over or could not answer with confidence,
 * grouped so that similar wordings are together, with counts; for each group whether the published
 * knowledge base answers it now (its questions run again); and turning a group into a new FAQ of an
 * item, or into similar questions of an existing FAQ, as a draft version to publish.
 */
@Service
public class LearningLoop {

    /** Two questions are one group when this share of their words is common. */
    static final double SAME_GROUP = 0.5;
    /** Groups shown (the most asked; each is re-run against the knowledge base). */
    static final int MAX_GROUPS = 200;

    private final ConversationStatistics conversations;
    private final KnowledgeBase knowledgeBase;
    private final KnowledgeEditor editor;
    private final TextPipeline pipeline;
    private final Retriever retriever;
    private final DialogueSettings dialogueSettings;
    private final Clock clock;

    @Autowired
    LearningLoop(ConversationStatistics conversations, KnowledgeBase knowledgeBase, KnowledgeEditor editor, TextPipeline pipeline, Retriever retriever,
                 DialogueSettings dialogueSettings) {
        this.conversations = conversations;
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
        this.pipeline = pipeline;
        this.retriever = retriever;
        this.dialogueSettings = dialogueSettings;
        this.clock = Clock.systemUTC();
    }

    /** A group of similar unanswered questions: the most asked wording first, how often each was asked, and whether it is answered now. */
    public record Group(String representative, List<String> wordings, int count, boolean answeredNow, String answeredBy) {
    }

    /** Groups of the last {@code days} days' unanswered questions, most asked first. */
    public List<Group> groups(int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("天数应在1到366之间，现在是" + days);
        }
        double bar = retriever.settings().answerThreshold();
        Instant asOf = clock.instant();
        // up to a day ahead: a turn written by an instance whose clock runs a little ahead still counts
        List<ConversationStatistics.Asked> asked = conversations.notAnsweredForSure(asOf.minus(Duration.ofDays(days)), asOf.plus(Duration.ofDays(1)),
                List.of(Action.UNKNOWN, Action.HANDOFF, Action.CLARIFY), List.of(Action.ANSWER), bar);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ConversationStatistics.Asked a : asked) {
            String text = PersonalData.mask(a.question()).strip(); // stored masked; this covers rows written around the store
            if (!text.isEmpty() && !isDialogueAct(text)) {
                counts.merge(text, a.count(), Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<List<Map.Entry<String, Integer>>> clusters = new ArrayList<>();
        List<Set<String>> clusterTerms = new ArrayList<>();
        for (Map.Entry<String, Integer> e : byCount) {
            Set<String> terms = terms(e.getKey());
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < clusters.size(); i++) {
                double score = jaccard(terms, clusterTerms.get(i));
                if (score >= SAME_GROUP && score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                clusters.add(new ArrayList<>(List.of(e)));
                clusterTerms.add(terms);
            } else {
                clusters.get(best).add(e);
            }
        }
        DialogueEngine now = DialogueEngine.create(KnowledgeBase.of(knowledgeBase.snapshot()), retriever,
                new InMemoryConversationStore(false), dialogueSettings);
        List<Group> groups = new ArrayList<>();
        int n = 0;
        for (List<Map.Entry<String, Integer>> c : clusters.subList(0, Math.min(clusters.size(), MAX_GROUPS))) {
            List<String> wordings = c.stream().map(Map.Entry::getKey).toList();
            int count = c.stream().mapToInt(Map.Entry::getValue).sum();
            Optional<String> answeredBy = answered(now, wordings.subList(0, Math.min(wordings.size(), 5)), "learning-" + (n++));
            groups.add(new Group(wordings.get(0), wordings, count, answeredBy.isPresent(), answeredBy.orElse(null)));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed()); // a group's count sums all its wordings
        return groups;
    }

    /** What answers all of the group's wordings now (the FAQ question or item name), if every one is answered confidently. */
    private Optional<String> answered(DialogueEngine engine, List<String> wordings, String user) {
        String by = null;
        int i = 0;
        for (String w : wordings) {
            Reply r = engine.handle(Channel.WEB, user + "-" + (i++), w);
            if (r.action() != Action.ANSWER || r.confidence() < retriever.settings().answerThreshold()) {
                return Optional.empty();
            }
            by = r.faqQuestion() != null ? r.faqQuestion() : r.itemName();
        }
        return Optional.ofNullable(by);
    }

    /**
     * Saves a new FAQ of the item, from a group (its wordings as similar questions) and the editor's
     * answer, as a draft version of the item; returns it (publish it to take effect).
     */
    public ItemVersion draftFaq(String itemId, String question, List<String> similar, String answer, String editorName) {
        return editor.draftFaq(itemId, question, similar, answer, editorName);
    }

    /** Adds wordings as similar questions of an existing FAQ, as a draft version of its item. */
    public ItemVersion draftSimilar(String faqId, List<String> wordings, String editorName) {
        Faq published = knowledgeBase.snapshot().faq(faqId).orElseThrow(() -> new IllegalArgumentException("没有这个问答：" + faqId));
        if (published.itemId() == null) {
            throw new IllegalArgumentException("大厅通用问答请在知识库文件中修改：" + faqId);
        }
        // on top of the item's latest version, so that a draft waiting to be published is kept
        ServiceItem item = editor.history(published.itemId()).get(0).item();
        Faq faq = item.faqs().stream().filter(f -> f.id().equals(faqId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("问答 " + faqId + " 在事项的最新草稿中已被删除"));
        Set<String> similar = new java.util.LinkedHashSet<>(faq.similar());
        wordings.stream().map(String::strip).filter(w -> !w.isEmpty() && !w.equals(faq.question())).forEach(similar::add);
        List<Faq> faqs = item.faqs().stream().map(f -> f.id().equals(faqId)
                ? new Faq(f.id(), f.itemId(), f.topic(), f.question(), List.copyOf(similar), f.answer()) : f).toList();
        return editor.saveDraft(item.withFaqs(faqs), editorName, "问答 " + faqId + " 增加相似问法");
    }

    private Set<String> terms(String text) {
        Set<String> terms = new HashSet<>(pipeline.analyzeForIndex(text).topicTerms());
        if (terms.isEmpty()) {
            terms.addAll(pipeline.analyzeForIndex(text).terms());
        }
        return terms;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size() / (double) (a.size() + b.size() - both.size());
    }

    /** "人工", "1", "不用了": not questions for the knowledge base. */
    private static boolean isDialogueAct(String text) {
        return text.length() <= 2 || text.contains("人工") || text.matches("[0-9１２３]+");
    }
}
