package org.askonce.handoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.TextPipeline;
import org.askonce.retrieval.Candidate;
import org.askonce.retrieval.Retriever;
import org.springframework.stereotype.Component;

/** Knowledge-base search beside the agent's reply box: items for a query, each element worded as citizens get it. */
@Component
class KnowledgeLookup {

    private static final List<Element> ELEMENTS = List.of(Element.MATERIALS, Element.TIME_LIMIT, Element.FEE, Element.LOCATION,
            Element.HOURS, Element.PHONE, Element.ONLINE, Element.PROCESS, Element.CONDITIONS);

    private final KnowledgeBase knowledgeBase;
    private final TextPipeline pipeline;
    private final Retriever retriever;
    private final DialogueEngine dialogue;

    KnowledgeLookup(KnowledgeBase knowledgeBase, TextPipeline pipeline, Retriever retriever, DialogueEngine dialogue) {
        this.knowledgeBase = knowledgeBase;
        this.pipeline = pipeline;
        this.retriever = retriever;
        this.dialogue = dialogue;
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

    private ItemElements describe(ServiceItem item, double score) {
        Map<String, String> elements = new LinkedHashMap<>();
        for (Element e : ELEMENTS) {
            elements.put(e.label(), dialogue.describe(item, e));
        }
        return new ItemElements(item.id(), item.name(), Math.round(score * 1000) / 1000.0, elements);
    }
}
