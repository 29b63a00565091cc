package org.askonce.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.nlp.Analysis;

/**
 * The lexical engine alone: turns the {@link SearchIndex}'s scored wordings into items, FAQs and
 * life events, each scored by its best wording (a FAQ's wording counts for its item at
 * {@link Retriever#FAQ_AS_ITEM_EVIDENCE}), and a question that is exactly one wording first.
 */
final class LexicalRanking {

    private LexicalRanking() {
    }

    /** Items, FAQs and life events for a question, best first (at most {@code hits} Lucene hits are scored). */
    static SearchResult rank(SearchIndex index, Analysis question, int hits) {
        List<SearchIndex.Scored> scored = index.search(question, hits);
        // Keys are a bag of words: near-identical names ("A(对X业绩突出的个人…)", "A(对Y业绩突出的机构…)")
        // can score alike. A question that is exactly one wording scores as the best hit and comes
        // first among equals (the sort below is stable).
        String exact = SearchIndex.exactForm(question.text());
        double best = scored.stream().mapToDouble(SearchIndex.Scored::score).max().orElse(0);
        List<SearchIndex.Scored> ordered = new ArrayList<>(scored.size());
        for (SearchIndex.Scored found : scored) {
            if (!exact.isEmpty() && found.wording().exact().equals(exact)) {
                ordered.add(0, new SearchIndex.Scored(found.wording(), best, found.level(), found.shared(), found.questionCoverage(),
                        found.wordingCoverage()));
            } else {
                ordered.add(found);
            }
        }
        Map<String, Candidate> items = new LinkedHashMap<>();
        Map<String, Candidate> faqs = new LinkedHashMap<>();
        Map<String, Candidate> events = new LinkedHashMap<>();
        for (SearchIndex.Scored s : ordered) {
            SearchIndex.Wording w = s.wording();
            if (w.eventId() != null) {
                events.putIfAbsent(w.eventId(), new Candidate(Candidate.Kind.EVENT, w.eventId(), null, w.text(), s.score()));
                continue;
            }
            if (w.faqId() != null) {
                faqs.putIfAbsent(w.faqId(), new Candidate(Candidate.Kind.FAQ, w.itemId(), w.faqId(), w.text(), s.score()));
            }
            if (w.itemId() != null) {
                double itemScore = w.faqId() == null ? s.score() : s.score() * Retriever.FAQ_AS_ITEM_EVIDENCE;
                Candidate current = items.get(w.itemId());
                if (current == null || itemScore > current.score()) {
                    items.put(w.itemId(), new Candidate(Candidate.Kind.ITEM, w.itemId(), w.faqId(), w.text(), itemScore));
                }
            }
        }
        return new SearchResult(bestFirst(items), bestFirst(faqs), bestFirst(events));
    }

    /** The candidates, best first (the first of equals stays first). */
    static List<Candidate> bestFirst(Map<String, Candidate> candidates) {
        List<Candidate> list = new ArrayList<>(candidates.values());
        list.sort((a, b) -> Double.compare(b.score(), a.score()));
        return List.copyOf(list);
    }
}
