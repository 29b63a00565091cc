package org.askonce.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of the published knowledge base: what the NLP dictionary, the index and the
 * dialogue are built from. A new snapshot replaces the old one as a whole.
 */
public final class KnowledgeSnapshot {

    private final Map<String, ServiceItem> items;
    private final List<Faq> hallFaqs;
    private final Lexicon lexicon;
    private final Map<String, Faq> faqsById;
    private final Map<String, LifeEvent> events;

    public KnowledgeSnapshot(List<ServiceItem> items, List<Faq> hallFaqs, Lexicon lexicon) {
        this(items, hallFaqs, lexicon, List.of());
    }

    /** A knowledge base with life events; every step of an event must name one of the items. */
    public KnowledgeSnapshot(List<ServiceItem> items, List<Faq> hallFaqs, Lexicon lexicon, List<LifeEvent> events) {
        Map<String, ServiceItem> byId = new LinkedHashMap<>();
        Map<String, Faq> faqs = new LinkedHashMap<>();
        for (ServiceItem item : items) {
            if (byId.put(item.id(), item) != null) {
                throw new IllegalArgumentException("Duplicate item id: " + item.id());
            }
            item.faqs().forEach(f -> faqs.put(f.id(), f));
        }
        hallFaqs.forEach(f -> faqs.put(f.id(), f));
        this.items = Collections.unmodifiableMap(byId);
        this.hallFaqs = List.copyOf(hallFaqs);
        this.lexicon = lexicon;
        this.faqsById = Collections.unmodifiableMap(faqs);
        Map<String, LifeEvent> eventsById = new LinkedHashMap<>();
        for (LifeEvent event : events) {
            if (eventsById.put(event.id(), event) != null) {
                throw new IllegalArgumentException("Duplicate life event id: " + event.id());
            }
            for (String itemId : event.itemIds()) {
                if (!byId.containsKey(itemId)) {
                    throw new IllegalArgumentException("Life event " + event.id() + " needs unknown item " + itemId);
                }
            }
        }
        this.events = Collections.unmodifiableMap(eventsById);
    }

    /** The life events (一件事), each a list of this snapshot's items. */
    public List<LifeEvent> events() {
        return List.copyOf(events.values());
    }

    public Optional<LifeEvent> event(String id) {
        return Optional.ofNullable(events.get(id));
    }

    /** The life events with a step that needs the item. */
    public List<LifeEvent> eventsUsing(String itemId) {
        return events.values().stream().filter(e -> e.uses(itemId)).toList();
    }

    /** The same items, FAQs and lexicon with other life events. */
    public KnowledgeSnapshot withEvents(List<LifeEvent> newEvents) {
        return new KnowledgeSnapshot(items(), hallFaqs, lexicon, newEvents);
    }

    public List<ServiceItem> items() {
        return List.copyOf(items.values());
    }

    public Optional<ServiceItem> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public Optional<ServiceItem> itemByName(String name) {
        return items.values().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Hall-level FAQs, not tied to one item. */
    public List<Faq> hallFaqs() {
        return hallFaqs;
    }

    /** Every FAQ: the items' and the hall-level ones. */
    public List<Faq> faqs() {
        return new ArrayList<>(faqsById.values());
    }

    public Optional<Faq> faq(String id) {
        return Optional.ofNullable(faqsById.get(id));
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public int itemCount() {
        return items.size();
    }

    public int faqCount() {
        return faqsById.size();
    }
}
