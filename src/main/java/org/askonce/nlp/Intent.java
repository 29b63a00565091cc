package org.askonce.nlp;

import java.util.Optional;
import org.askonce.knowledge.Element;

/**
 * What a citizen's message asks for: an element of a service guide, or a dialogue act. The labels
 * are the names of the training files in {@code training/intents/}.
 */
public enum Intent {
    MATERIALS(Element.MATERIALS),
    TIME_LIMIT(Element.TIME_LIMIT),
    FEE(Element.FEE),
    LOCATION(Element.LOCATION),
    HOURS(Element.HOURS),
    PHONE(Element.PHONE),
    PROCESS(Element.PROCESS),
    ONLINE(Element.ONLINE),
    CONDITIONS(Element.CONDITIONS),
    OVERVIEW(Element.OVERVIEW),
    GREETING(null),
    THANKS(null),
    HUMAN(null),
    COMPLAINT(null),
    YES(null),
    NO(null),
    OUT_OF_SCOPE(null);

    private final Element element;

    Intent(Element element) {
        this.element = element;
    }

    /** The element asked, for the element intents (OVERVIEW included); empty for dialogue acts. */
    public Optional<Element> element() {
        return Optional.ofNullable(element);
    }

    public boolean isElement() {
        return element != null;
    }
}
