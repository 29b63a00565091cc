package org.askonce.retrieval;

import java.util.List;
import java.util.Optional;

/**
 * The ranked candidates for a question: {@code items}, one per item (its best evidence, its FAQs
 * included), {@code faqs}, one per FAQ, and {@code events}, one per life event, each best first.
 * {@link #topScore} is of items and FAQs only.
 */
public record SearchResult(List<Candidate> items, List<Candidate> faqs, List<Candidate> events) {

    public SearchResult {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** Items and FAQs, no life event. */
    public SearchResult(List<Candidate> items, List<Candidate> faqs) {
        this(items, faqs, List.of());
    }

    /** The life event (一件事) found best, if any: its {@code itemId} is the event's id. */
    public Optional<Candidate> topEvent() {
        return events.stream().findFirst();
    }

    public Optional<Candidate> topItem() {
        return items.stream().findFirst();
    }

    public Optional<Candidate> topFaq() {
        return faqs.stream().findFirst();
    }

    public double topScore() {
        return Math.max(items.isEmpty() ? 0 : items.get(0).score(), faqs.isEmpty() ? 0 : faqs.get(0).score());
    }
}
