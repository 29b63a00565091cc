package org.askonce.evaluation;

import java.util.List;
import org.askonce.dialogue.Action;
import org.askonce.knowledge.Element;

/**
 * What a system did with one eval row: its action, the item it went with, the element, the menu. For
 * an answer about a life event, {@code itemName} is the event's name (an {@code event} row is right
 * when it is the expected event; any other row is wrong when answered with an event).
 */
record Outcome(EvalRow row, Action action, String itemName, Element element, List<String> options, double confidence,
               boolean faqAnswered, List<Element> elements) {

    Outcome(EvalRow row, Action action, String itemName, Element element, List<String> options, double confidence, boolean faqAnswered) {
        this(row, action, itemName, element, options, confidence, faqAnswered, element == null ? List.of() : List.of(element));
    }

    /** The item the system put first: the answered item, or the first option of a menu. */
    String firstItem() {
        if (action == Action.ANSWER) {
            return itemName;
        }
        if (action == Action.CLARIFY && !options.isEmpty()) {
            return options.get(0);
        }
        return null;
    }

    boolean itemRight() {
        return !row.outOfDomain() && row.item().equals(firstItem());
    }

    boolean answered() {
        return action == Action.ANSWER;
    }

    boolean answeredRight() {
        return answered() && row.item() != null && row.item().equals(itemName);
    }

    /**
     * Answered with the right item and the element asked (among the elements answered, for a question
     * that asks several), or with one of that item's FAQs (it answers the question as asked).
     */
    boolean elementRight() {
        return answeredRight() && (row.aboutEvent() || row.element() == element || elements.contains(row.element()) || faqAnswered);
    }

    /** Right answer, a menu with the right item, or a hand-off; for out-of-domain: anything but an answer. */
    boolean safe() {
        if (row.outOfDomain()) {
            return !answered();
        }
        return answeredRight() || (action == Action.CLARIFY && options.contains(row.item())) || action == Action.HANDOFF;
    }

    boolean confidentWrong() {
        return answered() && (row.outOfDomain() || !row.item().equals(itemName));
    }
}
