package org.askonce.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.ElementCues;
import org.askonce.nlp.Intent;
import org.askonce.retrieval.AnswerModel;
import org.askonce.retrieval.Candidate;
import org.askonce.retrieval.SearchResult;

/**
 * What to do with one analysed message, given the conversation so far and what the search found:
 * answer, clarify, hand off or say the bot does not know, with the reply's words. The rules are
 * tried in order in {@link #decide}; each is a method of its own.
 */
final class AnswerPolicy {

    static final double ACT_PROBABILITY = 0.5;
    private static final double NEAR_EXACT = 0.85;
    private static final double SWITCH_MARGIN = 0.25;

    private final ReplyComposer composer;
    private final RegionGuard regions;

    AnswerPolicy(ReplyComposer composer, RegionGuard regions) {
        this.composer = composer;
        this.regions = regions;
    }

    Decision decide(Conversation conversation, Analysis analysis, SearchResult result, AnswerModel thresholds, KnowledgeSnapshot kb) {
        Intent intent = analysis.intent();
        double p = analysis.intentProbability();
        boolean act = p >= ACT_PROBABILITY;
        if (analysis.text().isBlank()) {
            return Decision.nothingSaid(composer.empty());
        }

        // 1. An open menu: a number, "是", or naming one of the options picks it.
        List<String> pending = conversation.pendingOptions();
        if (!pending.isEmpty()) {
            OptionalInt choice = Choices.parse(analysis.text(), pending.size());
            if (choice.isEmpty() && pending.size() == 1 && intent == Intent.YES && act) {
                choice = OptionalInt.of(1);
            }
            if (choice.isEmpty()) {
                choice = chosenByWords(analysis, result, pending, thresholds);
            }
            if (choice.isPresent()) {
                String itemId = pending.get(choice.getAsInt() - 1);
                Element element = conversation.currentElement() == null ? Element.OVERVIEW : conversation.currentElement();
                if (intent.isElement() && intent != Intent.OVERVIEW && act) {
                    element = intent.element().orElseThrow(); // "租房的要多久"
                }
                return answerItem(kb, itemId, element, 1.0);
            }
            if (intent == Intent.NO && act && analysis.topicTerms().isEmpty()) {
                return Decision.unknown(composer.noneOfThese(), p, true);
            }
            if (intent.isElement() && intent != Intent.OVERVIEW && !analysis.namesItem()) {
                // "要多久?" while a menu is open: the element is noted, the menu stays
                List<ServiceItem> options = pending.stream().map(id -> kb.item(id).orElseThrow()).toList();
                Element element = intent.element().orElseThrow();
                return Decision.clarify(pending, element, p,
                        "请先选择您要问的事项，我再告诉您" + element.label() + "。\n" + composer.menu(options), false);
            }
        }

        // 2. Dialogue acts that whatever was found does not change.
        if (act && intent == Intent.HUMAN) {
            return Decision.handoff(HandoffRequested.Reason.CITIZEN_ASKED, p);
        }
        if (act && intent == Intent.COMPLAINT) {
            return Decision.handoff(HandoffRequested.Reason.COMPLAINT, p);
        }

        Optional<Candidate> topItem = result.topItem();
        double itemScore = topItem.map(Candidate::score).orElse(0.0);
        Element asked = intent.element().orElse(Element.OVERVIEW);
        if (asked == Element.OVERVIEW && conversation.currentElement() != null && analysis.text().endsWith("呢")) {
            asked = conversation.currentElement(); // "那护照呢?" keeps the element just asked
        }

        if (act && (intent == Intent.GREETING || intent == Intent.THANKS) && itemScore < thresholds.answerThreshold()) {
            return Decision.smalltalk(intent == Intent.GREETING ? composer.greeting() : composer.thanks(), p);
        }

        // 3. Follow-up on the current item: an element asked with no new item named. A new item is
        //    named by a word of the knowledge base, or matched (despite typos) almost exactly.
        //    A misspelt name that matches another item clearly better than the current one
        //    ("犬正在哪办") is not a follow-up either.
        double currentScore = conversation.currentItemId() == null ? 0 : result.items().stream()
                .filter(c -> c.itemId().equals(conversation.currentItemId())).mapToDouble(Candidate::score).findFirst().orElse(0);
        boolean newTopic = itemScore >= thresholds.suggestThreshold() && (analysis.namesItem() || itemScore >= NEAR_EXACT
                || (fragmented(analysis) && itemScore - currentScore >= SWITCH_MARGIN));
        // naming another item, even one not found for sure, leaves the current item: its element is never answered for it
        // ("狗证怎么办" → "公积金提取要带什么" is not about the dog licence)
        if (conversation.currentItemId() != null && analysis.namesItem() && currentScore < thresholds.suggestThreshold()
                && !topicOf(kb, conversation.currentItemId(), analysis)) {
            newTopic = true;
        }
        if (conversation.currentItemId() != null && !newTopic && intent.isElement()
                && (intent != Intent.OVERVIEW || analysis.topicTerms().isEmpty())
                && kb.item(conversation.currentItemId()).isPresent()) {
            return answerItem(kb, conversation.currentItemId(), asked, p);
        }

        // 4. Another Chinese city's affairs are not ours (unless moving something to or from it).
        Optional<String> otherPlace = regions.otherRegion(analysis.text());
        if (otherPlace.isPresent()
                && !namesPlace(kb, topItem.map(Candidate::itemId).orElse(null), otherPlace.get())) {
            return Decision.unknown(composer.otherCity(otherPlace.get()), itemScore, false);
        }

        // 4b. A life event (一件事): the question is about the whole situation, not one item's element.
        Optional<Decision> event = lifeEvent(analysis, result, thresholds, kb);
        if (event.isPresent()) {
            return event.get();
        }

        // 5. A FAQ that matches better than any item's own names answers directly. What the intent
        //    model takes for out-of-scope small talk needs a near-exact match to be answered.
        boolean outOfScope = act && intent == Intent.OUT_OF_SCOPE;
        double answerBar = outOfScope ? Math.max(thresholds.answerThreshold(), NEAR_EXACT) : thresholds.answerThreshold();
        Optional<Candidate> topFaq = result.topFaq();
        double itemLexical = topItem.map(Candidate::lexical).orElse(0.0);
        double faqBar = outOfScope ? Math.max(thresholds.settings().lexicalAnswerThreshold(), NEAR_EXACT)
                : thresholds.settings().lexicalAnswerThreshold();
        if (topFaq.isPresent() && topFaq.get().score() >= faqBar && topFaq.get().score() > itemLexical
                && (topFaq.get().itemId() == null || !ambiguous(result, thresholds, topFaq.get().itemId()))) {
            Candidate faq = topFaq.get();
            ServiceItem item = faq.itemId() == null ? null : kb.item(faq.itemId()).orElse(null);
            Faq f = kb.faq(faq.faqId()).orElseThrow();
            Element element = f.topic() != null ? f.topic() : asked;
            return Decision.faq(faq.itemId(), element, faq.faqId(), faq.score(), composer.faq(f, item));
        }

        // 6. An item: answer if clear, offer a menu if close to others or only suggested. A family the
        //    words name alike and meaning does not tell apart ("公积金提取") is a menu of its members.
        List<String> ties = ties(result, thresholds);
        if (itemScore >= thresholds.suggestThreshold() && ties.size() > 1) {
            List<ServiceItem> optionItems = ties.stream().map(id -> kb.item(id).orElseThrow()).toList();
            return Decision.clarify(ties, asked, itemScore, composer.menu(optionItems), true);
        }
        if (itemScore >= answerBar && !ambiguous(result, thresholds, topItem.get().itemId())) {
            return answerItem(kb, topItem.get().itemId(), asked, itemScore);
        }
        if (itemScore >= thresholds.suggestThreshold() && !(outOfScope && itemScore < thresholds.answerThreshold())) {
            List<String> options = new ArrayList<>();
            for (Candidate c : result.items()) {
                if (c.score() >= thresholds.suggestThreshold() && c.score() >= itemScore - 0.25 && options.size() < thresholds.settings().menuSize()) {
                    options.add(c.itemId());
                }
            }
            List<ServiceItem> optionItems = options.stream().map(id -> kb.item(id).orElseThrow()).toList();
            String text = options.size() == 1 ? composer.confirm(optionItems.get(0)) : composer.menu(optionItems);
            return Decision.clarify(options, asked, itemScore, text, true);
        }

        // 7. Nothing fits.
        String text = outOfScope || result.topScore() < thresholds.suggestThreshold() / 2 ? composer.outOfScope() : composer.notUnderstood();
        return Decision.unknown(text, Math.max(itemScore, result.topScore()), !outOfScope);
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
     * A life event (一件事), when the question is about the whole situation rather than one item:
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
    private Optional<Decision> lifeEvent(Analysis analysis, SearchResult result, AnswerModel thresholds, KnowledgeSnapshot kb) {
        boolean whole = WholeSituation.asked(analysis.text());
        double itemScore = result.topItem().map(Candidate::score).orElse(0.0);
        Intent intent = analysis.intent();
        boolean elementAsked = intent.isElement() && intent != Intent.OVERVIEW && analysis.intentProbability() >= ACT_PROBABILITY;
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

    /** An answer worded as asked, and the elements it answers. */
    record AsAsked(Decision decision, List<Element> elements) {
    }

    /**
     * An item answer worded as the question asked it: every element asked, in order; and for a
     * question about one circumstance ("没有户口本能办吗", "外地人能办吗"), the guide's lines about it first
     * — the materials when it is about doing without one of them.
     */
    AsAsked asAsked(Decision d, Analysis analysis, ServiceItem item) {
        List<Element> elements = askedElements(analysis, d.element());
        String text = d.text();
        if (elements.size() > 1 || (elements.size() == 1 && elements.get(0) != d.element())) {
            text = composer.elements(item, elements);
        }
        if (elements.contains(Element.CONDITIONS) || elements.contains(Element.MATERIALS)) {
            GuideExcerpts.Found excerpts = GuideExcerpts.find(analysis, item);
            if (excerpts.circumstanceAsked()) {
                if (excerpts.withoutAMaterial() && elements.equals(List.of(Element.CONDITIONS))) {
                    elements = List.of(Element.MATERIALS);
                    text = composer.element(item, Element.MATERIALS);
                }
                text = composer.aboutCircumstance(item, text, excerpts);
            }
        }
        if (text.equals(d.text())) {
            return new AsAsked(d, elements);
        }
        return new AsAsked(d.reworded(elements.get(0), text), elements);
    }

    /** The elements to answer for a message (see {@link ElementCues#toAnswer}). */
    private static List<Element> askedElements(Analysis analysis, Element decided) {
        return ElementCues.toAnswer(analysis.question(), decided);
    }

    /**
     * An option named in words ("租房的那个"): the one option the words match, clearly better than
     * the other options.
     */
    private OptionalInt chosenByWords(Analysis analysis, SearchResult result, List<String> options, AnswerModel thresholds) {
        if (analysis.topicTerms().isEmpty()) {
            return OptionalInt.empty();
        }
        List<Candidate> matching = result.items().stream().filter(c -> options.contains(c.itemId())).toList();
        if (matching.isEmpty() || matching.get(0).score() < thresholds.suggestThreshold() / 2
                || (matching.size() > 1 && matching.get(0).score() - matching.get(1).score() < thresholds.settings().ambiguityMargin())) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(options.indexOf(matching.get(0).itemId()) + 1);
    }

    /**
     * A lone morpheme among the topic words (HanLP tags ng, vg, ag…: a character that is not a word
     * on its own, such as 犬 in 犬/正在): a piece of a misspelt word.
     */
    private static boolean fragmented(Analysis analysis) {
        return analysis.tokens().stream().anyMatch(t -> t.topic() && t.text().length() == 1 && t.nature() != null
                && t.nature().length() == 2 && t.nature().endsWith("g"));
    }

    /** Whether an item's own name or aliases hold a place name (a provincial catalogue names its province in many items). */
    private static boolean namesPlace(KnowledgeSnapshot kb, String itemId, String place) {
        return itemId != null && kb.item(itemId).map(i -> i.name().contains(place) || i.aliases().stream().anyMatch(a -> a.contains(place)))
                .orElse(false);
    }

    /** Whether the question's knowledge-base words are words of this item (its name, aliases, keywords). */
    private static boolean topicOf(KnowledgeSnapshot kb, String itemId, Analysis analysis) {
        Optional<ServiceItem> item = kb.item(itemId);
        if (item.isEmpty()) {
            return false;
        }
        List<String> wordings = new ArrayList<>();
        wordings.add(item.get().name());
        wordings.addAll(item.get().aliases());
        wordings.addAll(item.get().keywords());
        return analysis.tokens().stream().filter(t -> t.topic() && t.fromKnowledgeBase())
                .anyMatch(t -> wordings.stream().anyMatch(w -> w.contains(t.text()) || w.contains(t.term())));
    }

    /** Lexical scores and cosines closer than these do not tell two members of a family apart. */
    private static final double LEXICAL_TIE = 0.1;
    private static final double SEMANTIC_TIE = 0.1;

    /**
     * The items the question's words match about as well as the first (the first at least at the
     * lexical answer threshold: the question names the family) whose meaning is about as close too: the members of a
     * family the question names without saying which ("公积金提取"). Empty unless there are two.
     */
    private static List<String> ties(SearchResult result, AnswerModel thresholds) {
        List<Candidate> items = result.items();
        if (items.size() < 2 || items.get(0).lexical() < thresholds.settings().lexicalAnswerThreshold()) {
            return List.of();
        }
        Candidate first = items.get(0);
        List<String> ties = items.stream()
                .filter(c -> Math.abs(c.lexical() - first.lexical()) < LEXICAL_TIE
                        && Math.abs(c.semantic() - first.semantic()) < SEMANTIC_TIE)
                .limit(thresholds.settings().menuSize()).map(Candidate::itemId).toList();
        return ties.size() > 1 ? ties : List.of();
    }

    private static boolean ambiguous(SearchResult result, AnswerModel thresholds, String itemId) {
        List<Candidate> items = result.items();
        if (items.size() < 2) {
            return false;
        }
        Candidate first = items.get(0).itemId().equals(itemId) ? items.get(0) : null;
        if (first == null) {
            return false;
        }
        Candidate second = items.get(1);
        return second.score() >= thresholds.suggestThreshold() && first.score() - second.score() < thresholds.settings().ambiguityMargin();
    }

    private Decision answerItem(KnowledgeSnapshot kb, String itemId, Element element, double confidence) {
        ServiceItem item = kb.item(itemId).orElseThrow(() -> new IllegalStateException("Unknown item " + itemId));
        return Decision.answer(itemId, element, confidence, composer.element(item, element));
    }
}
