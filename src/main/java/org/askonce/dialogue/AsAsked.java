package org.askonce.dialogue;

import java.util.List;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.ElementCues;

/** An item answer worded as the question asked it, and the elements it answers (the first is the decision's). */
record AsAsked(Decision decision, List<Element> elements) {

    /**
     * An item answer worded as the question asked it: every element asked, in order; and for a
     * question about one circumstance ("没有户口本能办吗", "外地人能办吗"), the guide's lines about it first
     * — the materials when it is about doing without one of them.
     */
    static AsAsked of(ReplyComposer composer, Decision d, Analysis analysis, ServiceItem item) {
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
}
