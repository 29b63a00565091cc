package org.askonce.dialogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.Intent;
import org.askonce.retrieval.AnswerModel;
import org.askonce.retrieval.Candidate;
import org.askonce.retrieval.SearchResult;

/** Rule 4b of the {@link AnswerPolicy}: a question about a whole situation is answered with its life event (一件事). */
final class LifeEventRule {

    private final ReplyComposer composer;

    LifeEventRule(ReplyComposer composer) {
        this.composer = composer;
    }

    /** With words that ask about the whole situation, a life event answers at this evidence or above. */
    static final double EVENT_EVIDENCE = 0.5;
    /** ... of which its own score alone when the question finds none of its steps' items. */
    static final double EVENT_ALONE = 0.6;
    /** ... and more than the first item's score less this. */
    static final double EVENT_ITEM_MARGIN = 0.15;
    /** Without them, only a near-exact wording of an event (this score or above) is answered with it. */
    static final double EVENT_NEAR_EXACT = 0.9;
    /** Evidence an event gains per step whose item is among the question's candidates (up to three). */
    static final double EVENT_STEP_EVIDENCE = 0.15;
    /** Candidate items looked at for an event's steps. */
    private static final int EVENT_STEP_CANDIDATES = 6;

    /**
     * 4b. A life event (一件事), when the question is about the whole situation rather than one item:
     * <ul>
     *   <li>it asks so ({@link WholeSituation}: "要办哪些手续", "整套下来") and an event's evidence —
     *       its own score plus {@value #EVENT_STEP_EVIDENCE} per step whose item the question also
     *       finds — reaches {@value #EVENT_EVIDENCE} ({@value #EVENT_ALONE} when it finds none) and the
     *       first item's score less {@value #EVENT_ITEM_MARGIN} (a question about one of the steps finds
     *       that step more surely);</li>
     *   <li>or, without such words, the question is almost exactly one of an event of several steps'
     *       wordings ({@value #EVENT_NEAR_EXACT}), asks no element (materials, fee, place…), and no
     *       item is found more surely.</li>
     * </ul>
     * The answer lists the steps; its options are the steps' items, so a number shows that step.
     */
    Optional<Decision> decide(AnswerPolicy.Question q) {
        Analysis analysis = q.analysis();
        SearchResult result = q.result();
        AnswerModel thresholds = q.thresholds();
        KnowledgeSnapshot kb = q.kb();
        boolean whole = WholeSituation.asked(analysis.text());
        double itemScore = result.topItem().map(Candidate::score).orElse(0.0);
        Intent intent = analysis.intent();
        boolean elementAsked = intent.isElement() && intent != Intent.OVERVIEW && analysis.intentProbability() >= AnswerPolicy.ACT_PROBABILITY;
        List<String> found = result.items().stream().limit(EVENT_STEP_CANDIDATES)
                .filter(c -> c.score() >= thresholds.suggestThreshold()).map(Candidate::itemId).toList();
        LifeEvent best = null;
        double bestEvidence = 0;
        double bestScore = 0;
        long bestSteps = 0;
        Map<String, Double> scores = new LinkedHashMap<>();
        result.events().forEach(c -> scores.put(c.itemId(), c.score()));
        found.forEach(id -> kb.eventsUsing(id).forEach(e -> scores.putIfAbsent(e.id(), 0.0)));
        for (Map.Entry<String, Double> c : scores.entrySet()) {
            Optional<LifeEvent> event = kb.event(c.getKey());
            if (event.isEmpty()) {
                continue;
            }
            long steps = event.get().itemIds().stream().filter(found::contains).count();
            double evidence = c.getValue() + EVENT_STEP_EVIDENCE * Math.min(3, steps);
            if (evidence > bestEvidence) {
                best = event.get();
                bestEvidence = evidence;
                bestScore = c.getValue();
                bestSteps = steps;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        boolean answer = whole
                ? bestEvidence >= EVENT_EVIDENCE && (bestSteps > 0 || bestScore >= EVENT_ALONE) && bestEvidence > itemScore - EVENT_ITEM_MARGIN
                : bestScore >= EVENT_NEAR_EXACT && best.steps().size() > 1 && !elementAsked && itemScore < bestScore
                        && !analysis.text().endsWith("呢"); // "买房呢" after an element asked continues it
        if (!answer) {
            return Optional.empty();
        }
        List<ServiceItem> items = best.itemIds().stream().map(id -> kb.item(id).orElseThrow()).toList();
        return Optional.of(Decision.lifeEvent(best.id(), best.itemIds(), Math.min(1, bestEvidence),
                LifeEventReply.of(best, items) + composer.notice()));
    }
}
