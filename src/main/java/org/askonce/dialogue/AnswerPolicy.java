package org.askonce.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
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
    private final LifeEventRule lifeEvents;

    AnswerPolicy(ReplyComposer composer, RegionGuard regions) {
        this.composer = composer;
        this.regions = regions;
        this.lifeEvents = new LifeEventRule(composer);
    }

    /**
     * One message as the rules see it: the conversation so far, the analysis, what the search found,
     * the thresholds and the knowledge, and what follows from them (the intent's probability, the first
     * item and its score, the element asked).
     */
    record Question(Conversation conversation, Analysis analysis, SearchResult result, AnswerModel thresholds, KnowledgeSnapshot kb) {

        Intent intent() {
            return analysis.intent();
        }

        double p() {
            return analysis.intentProbability();
        }

        /** The intent model is sure enough to act on a dialogue act (yes, no, a person, thanks…). */
        boolean act() {
            return p() >= ACT_PROBABILITY;
        }

        Optional<Candidate> topItem() {
            return result.topItem();
        }

        double itemScore() {
            return topItem().map(Candidate::score).orElse(0.0);
        }

        /** The element asked; "那护照呢?" keeps the element just asked. */
        Element asked() {
            Element asked = intent().element().orElse(Element.OVERVIEW);
            if (asked == Element.OVERVIEW && conversation.currentElement() != null && analysis.text().endsWith("呢")) {
                return conversation.currentElement();
            }
            return asked;
        }

        /** What the intent model takes for out-of-scope small talk. */
        boolean outOfScope() {
            return act() && intent() == Intent.OUT_OF_SCOPE;
        }
    }

    /** The rules in order (4b, life events, is {@link LifeEventRule}); the first that applies decides. */
    Decision decide(Conversation conversation, Analysis analysis, SearchResult result, AnswerModel thresholds, KnowledgeSnapshot kb) {
        if (analysis.text().isBlank()) {
            return Decision.nothingSaid(composer.empty());
        }
        Question q = new Question(conversation, analysis, result, thresholds, kb);
        return openMenu(q)
                .or(() -> dialogueAct(q))
                .or(() -> followUp(q))
                .or(() -> otherRegion(q))
                .or(() -> lifeEvents.decide(q))
                .or(() -> faq(q))
                .or(() -> item(q))
                .orElseGet(() -> nothingFits(q));
    }

    /**
     * 1. An open menu: a number, "是", or naming one of the options picks it ("租房的要多久" with the
     * element asked; not a whole situation asked again); "都不是" leaves it; an element asked without
     * naming an item is noted and the menu stays.
     */
    Optional<Decision> openMenu(Question q) {
        List<String> pending = q.conversation().pendingOptions();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Intent intent = q.intent();
        Analysis analysis = q.analysis();
        OptionalInt choice = Choices.parse(analysis.text(), pending.size());
        if (choice.isEmpty() && pending.size() == 1 && intent == Intent.YES && q.act()) {
            choice = OptionalInt.of(1);
        }
        if (choice.isEmpty() && !situationAgain(q)) {
            choice = chosenByWords(analysis, q.result(), pending, q.thresholds());
        }
        if (choice.isPresent()) {
            String itemId = pending.get(choice.getAsInt() - 1);
            Element element = q.conversation().currentElement() == null ? Element.OVERVIEW : q.conversation().currentElement();
            if (intent.isElement() && intent != Intent.OVERVIEW && q.act()) {
                element = intent.element().orElseThrow(); // "租房的要多久"
            }
            return Optional.of(answerItem(q.kb(), itemId, element, 1.0));
        }
        if (intent == Intent.NO && q.act() && analysis.topicTerms().isEmpty()) {
            return Optional.of(Decision.unknown(composer.noneOfThese(), q.p(), true));
        }
        if (intent.isElement() && intent != Intent.OVERVIEW && !analysis.namesItem()) {
            // "要多久?" while a menu is open: the element is noted, the menu stays
            List<ServiceItem> options = pending.stream().map(id -> q.kb().item(id).orElseThrow()).toList();
            Element element = intent.element().orElseThrow();
            return Optional.of(Decision.clarify(pending, element, q.p(),
                    "请先选择您要问的事项，我再告诉您" + element.label() + "。\n" + composer.menu(options), false));
        }
        return Optional.empty();
    }

    /**
     * A question about a whole situation that a life event answers ("孩子出生了要办哪些手续", asked again):
     * not a pick by its words from the menu of that event's steps.
     */
    private boolean situationAgain(Question q) {
        return WholeSituation.asked(q.analysis().text()) && lifeEvents.decide(q).isPresent();
    }

    /**
     * 2. Dialogue acts that whatever was found does not change: asking for a person or complaining
     * hands over; a greeting or thanks is answered in kind unless an item is found for sure.
     */
    Optional<Decision> dialogueAct(Question q) {
        if (q.act() && q.intent() == Intent.HUMAN) {
            return Optional.of(Decision.handoff(HandoffRequested.Reason.CITIZEN_ASKED, q.p()));
        }
        if (q.act() && q.intent() == Intent.COMPLAINT) {
            return Optional.of(Decision.handoff(HandoffRequested.Reason.COMPLAINT, q.p()));
        }
        if (q.act() && (q.intent() == Intent.GREETING || q.intent() == Intent.THANKS) && q.itemScore() < q.thresholds().answerThreshold()) {
            return Optional.of(Decision.smalltalk(q.intent() == Intent.GREETING ? composer.greeting() : composer.thanks(), q.p()));
        }
        return Optional.empty();
    }

    /**
     * 3. Follow-up on the current item: an element asked with no new item named. A new item is named
     * by a word of the knowledge base, or matched (despite typos) almost exactly. A misspelt name that
     * matches another item clearly better than the current one ("犬正在哪办") is not a follow-up either;
     * naming another item, even one not found for sure, leaves the current item: its element is never
     * answered for it ("狗证怎么办" → "公积金提取要带什么" is not about the dog licence).
     */
    Optional<Decision> followUp(Question q) {
        Conversation conversation = q.conversation();
        Analysis analysis = q.analysis();
        AnswerModel thresholds = q.thresholds();
        if (conversation.currentItemId() == null || q.kb().item(conversation.currentItemId()).isEmpty()) {
            return Optional.empty();
        }
        double itemScore = q.itemScore();
        double currentScore = q.result().items().stream()
                .filter(c -> c.itemId().equals(conversation.currentItemId())).mapToDouble(Candidate::score).findFirst().orElse(0);
        boolean newTopic = itemScore >= thresholds.suggestThreshold() && (analysis.namesItem() || itemScore >= NEAR_EXACT
                || (fragmented(analysis) && itemScore - currentScore >= SWITCH_MARGIN));
        if (analysis.namesItem() && currentScore < thresholds.suggestThreshold() && !topicOf(q.kb(), conversation.currentItemId(), analysis)) {
            newTopic = true;
        }
        if (!newTopic && q.intent().isElement() && (q.intent() != Intent.OVERVIEW || analysis.topicTerms().isEmpty())) {
            return Optional.of(answerItem(q.kb(), conversation.currentItemId(), q.asked(), q.p()));
        }
        return Optional.empty();
    }

    /** 4. Another Chinese city's affairs are not ours (unless the first item's own name holds the place: moving something to or from it). */
    Optional<Decision> otherRegion(Question q) {
        Optional<String> otherPlace = regions.otherRegion(q.analysis().text());
        if (otherPlace.isPresent() && !namesPlace(q.kb(), q.topItem().map(Candidate::itemId).orElse(null), otherPlace.get())) {
            return Optional.of(Decision.unknown(composer.otherCity(otherPlace.get()), q.itemScore(), false));
        }
        return Optional.empty();
    }

    /**
     * 5. A FAQ that matches better than any item's own names answers directly. What the intent model
     * takes for out-of-scope small talk needs a near-exact match to be answered.
     */
    Optional<Decision> faq(Question q) {
        AnswerModel thresholds = q.thresholds();
        Optional<Candidate> topFaq = q.result().topFaq();
        double itemLexical = q.topItem().map(Candidate::lexical).orElse(0.0);
        double faqBar = q.outOfScope() ? Math.max(thresholds.settings().lexicalAnswerThreshold(), NEAR_EXACT)
                : thresholds.settings().lexicalAnswerThreshold();
        if (topFaq.isEmpty() || topFaq.get().score() < faqBar || topFaq.get().score() <= itemLexical
                || (topFaq.get().itemId() != null && MenuCandidates.ambiguous(q.result(), thresholds, topFaq.get().itemId()))) {
            return Optional.empty();
        }
        Candidate faq = topFaq.get();
        ServiceItem item = faq.itemId() == null ? null : q.kb().item(faq.itemId()).orElse(null);
        Faq f = q.kb().faq(faq.faqId()).orElseThrow();
        Element element = f.topic() != null ? f.topic() : q.asked();
        return Optional.of(Decision.faq(faq.itemId(), element, faq.faqId(), faq.score(), composer.faq(f, item)));
    }

    /**
     * 6. An item: answer if clear, offer a menu if close to others or only suggested (down to the menu
     * threshold for a question the intent model takes for one about a service); an unsure menu also
     * lists the candidates about as close to the question by meaning or by words as the first. A family the
     * words name alike and meaning does not tell apart ("公积金提取") is a menu of its members.
     */
    Optional<Decision> item(Question q) {
        AnswerModel thresholds = q.thresholds();
        KnowledgeSnapshot kb = q.kb();
        double itemScore = q.itemScore();
        Element asked = q.asked();
        List<String> ties = itemScore >= thresholds.suggestThreshold() ? MenuCandidates.ties(q.result(), thresholds) : List.of();
        if (ties.size() > 1) {
            List<ServiceItem> optionItems = ties.stream().map(id -> kb.item(id).orElseThrow()).toList();
            return Optional.of(Decision.clarify(ties, asked, itemScore, composer.menu(optionItems), true));
        }
        double answerBar = q.outOfScope() ? Math.max(thresholds.answerThreshold(), NEAR_EXACT) : thresholds.answerThreshold();
        if (itemScore >= answerBar && !MenuCandidates.ambiguous(q.result(), thresholds, q.topItem().get().itemId())) {
            return Optional.of(answerItem(kb, q.topItem().get().itemId(), asked, itemScore));
        }
        // below the suggest threshold, down to the menu threshold: a menu still, unless the intent model takes it for small talk
        double floor = q.intent().isElement() ? thresholds.menuThreshold() : thresholds.suggestThreshold();
        if (itemScore < floor || (q.outOfScope() && itemScore < thresholds.answerThreshold())) {
            return Optional.empty();
        }
        List<String> options = new ArrayList<>();
        Candidate first = q.topItem().get();
        for (Candidate c : q.result().items()) {
            boolean near = c.itemId().equals(first.itemId()) || (c.score() >= floor && c.score() >= itemScore - 0.25)
                    || MenuCandidates.nearInMeaningOrWords(c, first);
            if (near && options.size() < thresholds.settings().menuSize()) {
                options.add(c.itemId());
            }
        }
        List<ServiceItem> optionItems = options.stream().map(id -> kb.item(id).orElseThrow()).toList();
        String text = options.size() == 1 ? composer.confirm(optionItems.get(0)) : composer.menu(optionItems);
        return Optional.of(Decision.clarify(options, asked, itemScore, text, true));
    }

    /** 7. Nothing fits: small talk out of scope, or a question not understood (unsure: twice hands over). */
    Decision nothingFits(Question q) {
        boolean outOfScope = q.outOfScope();
        String text = outOfScope || q.result().topScore() < q.thresholds().suggestThreshold() / 2 ? composer.outOfScope() : composer.notUnderstood();
        return Decision.unknown(text, Math.max(q.itemScore(), q.result().topScore()), !outOfScope);
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

    private Decision answerItem(KnowledgeSnapshot kb, String itemId, Element element, double confidence) {
        ServiceItem item = kb.item(itemId).orElseThrow(() -> new IllegalStateException("Unknown item " + itemId));
        return Decision.answer(itemId, element, confidence, composer.element(item, element));
    }
}
