package org.askonce.dialogue;

import java.util.List;
import org.askonce.knowledge.Element;

/**
 * What the {@link AnswerPolicy} decided to do with one message, and the reply's words. Built by the
 * named factories below, one per kind of decision.
 *
 * @param itemId   the item answered (of a life event: its first step's), null otherwise
 * @param element  the element answered, or noted while a menu is open
 * @param faqId    the FAQ answered, null otherwise
 * @param options  a menu's items, or a life event's steps, in order
 * @param unsure   counts towards a hand-off after two unsure replies in a row
 * @param keepItem the conversation stays on its current item (small talk, a hand-off)
 * @param handoff  why a person takes over, null when the bot answers
 * @param eventId  the life event answered, null otherwise
 */
record Decision(Action action, String itemId, Element element, String faqId, List<String> options, double confidence,
                String text, boolean unsure, boolean keepItem, HandoffRequested.Reason handoff, String eventId) {

    Decision {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** An answer about an item's element. */
    static Decision answer(String itemId, Element element, double confidence, String text) {
        return new Decision(Action.ANSWER, itemId, element, null, List.of(), confidence, text, false, false, null, null);
    }

    /** An answer with a FAQ (of an item, or of the halls when {@code itemId} is null). */
    static Decision faq(String itemId, Element element, String faqId, double confidence, String text) {
        return new Decision(Action.ANSWER, itemId, element, faqId, List.of(), confidence, text, false, false, null, null);
    }

    /** An answer with a life event: its steps' items as options, the first of them as the item. */
    static Decision lifeEvent(String eventId, List<String> steps, double confidence, String text) {
        return new Decision(Action.ANSWER, steps.get(0), Element.OVERVIEW, null, steps, confidence, text, false, false, null, eventId);
    }

    /** A menu of items (or one item to confirm); {@code element} is what was asked of them. */
    static Decision clarify(List<String> options, Element element, double confidence, String text, boolean unsure) {
        return new Decision(Action.CLARIFY, null, element, null, options, confidence, text, unsure, false, null, null);
    }

    /** The bot cannot answer: the conversation leaves its current item. */
    static Decision unknown(String text, double confidence, boolean unsure) {
        return new Decision(Action.UNKNOWN, null, null, null, List.of(), confidence, text, unsure, false, null, null);
    }

    /** Nothing to answer in the message (only spaces or punctuation): the conversation stays where it was. */
    static Decision nothingSaid(String text) {
        return new Decision(Action.UNKNOWN, null, null, null, List.of(), 0, text, false, true, null, null);
    }

    /** Greetings and thanks: the conversation stays on its item. */
    static Decision smalltalk(String text, double confidence) {
        return new Decision(Action.SMALLTALK, null, null, null, List.of(), confidence, text, false, true, null, null);
    }

    /** A person takes over (the reply's words are the hand-off's, written by the engine). */
    static Decision handoff(HandoffRequested.Reason reason, double confidence) {
        return new Decision(Action.HANDOFF, null, null, null, List.of(), confidence, "", false, true, reason, null);
    }

    /** The same decision worded otherwise, answering {@code element} first. */
    Decision reworded(Element element, String text) {
        return new Decision(action, itemId, element, faqId, options, confidence, text, unsure, keepItem, handoff, eventId);
    }
}
