package org.askonce.retrieval;

import java.util.List;
import java.util.Optional;

/**
 * The ranked candidates for a question: {@code items}, one per item (its best evidence, its FAQs
 * included), and {@code faqs}, one per FAQ, each best first.
 */
public record SearchResult(List<Candidate> items, List<Candidate> faqs) {

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
