package org.askonce.handoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.TextPipeline;
import org.askonce.retrieval.Candidate;
import org.askonce.retrieval.Retriever;
import org.askonce.retrieval.SearchResult;
import org.springframework.stereotype.Component;

/** Knowledge-base search beside the agent's reply box: items for a query, each element worded as citizens get it. */
@Component
class KnowledgeLookup {

    private static final List<Element> ELEMENTS = List.of(Element.MATERIALS, Element.TIME_LIMIT, Element.FEE, Element.LOCATION,
            Element.HOURS, Element.PHONE, Element.ONLINE, Element.PROCESS, Element.CONDITIONS);

    private final KnowledgeBase knowledgeBase;
    private final TextPipeline pipeline;
    private final Retriever retriever;
    private final Conversations conversations;

    KnowledgeLookup(KnowledgeBase knowledgeBase, TextPipeline pipeline, Retriever retriever, Conversations conversations) {
        this.knowledgeBase = knowledgeBase;
        this.pipeline = pipeline;
        this.retriever = retriever;
        this.conversations = conversations;
    }

    /** One item with the text of each of its elements (label → text). */
    record ItemElements(String itemId, String name, double score, Map<String, String> elements) {
    }

    List<ItemElements> find(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("请输入要查的事项");
        }
        if (query.length() > 100) {
            throw new IllegalArgumentException("查询不能超过100字");
        }
        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        List<ItemElements> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Candidate c : retriever.search(pipeline.analyze(query)).items()) {
            if (out.size() == 5 || c.itemId() == null || seen.contains(c.itemId())) {
                continue;
            }
            seen.add(c.itemId());
            kb.item(c.itemId()).ifPresent(item -> out.add(describe(item, c.score())));
        }
        return out;
    }

    /**
     * The bot's candidates for a question, as the agent's queue shows them: up to three items and two
     * FAQs, only those at or above the score from which the bot itself would offer them
     * ({@code suggest-threshold}); none for a blank question.
     */
    List<HandoffRequested.Suggestion> candidates(String question) {
        if (question == null || question.isBlank()) {
            return List.of();
        }
        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        SearchResult result = retriever.search(pipeline.analyze(question));
        List<HandoffRequested.Suggestion> out = new ArrayList<>();
        result.items().stream().limit(3).forEach(c -> kb.item(c.itemId()).ifPresent(item ->
                out.add(new HandoffRequested.Suggestion(c.itemId(), null, item.name(), c.score()))));
        result.faqs().stream().limit(2).forEach(c -> kb.faq(c.faqId()).ifPresent(faq ->
                out.add(new HandoffRequested.Suggestion(c.itemId(), c.faqId(), faq.question(), c.score()))));
        return meaningful(out);
    }

    /** The candidates at or above the suggest threshold: a guess below it would not even be offered to a citizen. */
    List<HandoffRequested.Suggestion> meaningful(List<HandoffRequested.Suggestion> candidates) {
        double threshold = retriever.current().suggestThreshold();
        return candidates.stream().filter(c -> c.score() >= threshold).toList();
    }

    /**
     * Items for the "save as knowledge" form: those found for the query at or above the suggest
     * threshold, best first, at most five (id and name only).
     */
    List<ItemChoice> items(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        double threshold = retriever.current().suggestThreshold();
        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        List<ItemChoice> out = new ArrayList<>();
        for (Candidate c : retriever.search(pipeline.analyze(query)).items()) {
            if (out.size() == 5 || c.score() < threshold) {
                break;
            }
            kb.item(c.itemId()).filter(i -> out.stream().noneMatch(o -> o.itemId().equals(i.id())))
                    .ifPresent(i -> out.add(new ItemChoice(i.id(), i.name())));
        }
        return out;
    }

    /** The item of this id, if the knowledge base has it. */
    java.util.Optional<ItemChoice> item(String itemId) {
        return itemId == null || itemId.isBlank() ? java.util.Optional.empty()
                : knowledgeBase.snapshot().item(itemId.strip()).map(i -> new ItemChoice(i.id(), i.name()));
    }

    /** An item to choose in a list: its id and name. */
    record ItemChoice(String itemId, String name) {
    }

    private ItemElements describe(ServiceItem item, double score) {
        Map<String, String> elements = new LinkedHashMap<>();
        for (Element e : ELEMENTS) {
            elements.put(e.label(), conversations.describe(item, e));
        }
        return new ItemElements(item.id(), item.name(), Math.round(score * 1000) / 1000.0, elements);
    }
}
