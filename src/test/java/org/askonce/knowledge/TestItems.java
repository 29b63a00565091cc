package org.askonce.knowledge;

/** New items for tests that publish, so that each test has an item of its own. */
public final class TestItems {

    private TestItems() {
    }

    /** A copy of {@code base} with another id and name; its FAQs get ids of the new item. */
    public static ServiceItem copy(ServiceItem base, String id, String name) {
        return new ServiceItem(id, name, base.aliases(), base.keywords(), base.department(), base.audience(), base.itemType(),
                base.conditions(), base.materials(), base.timeLimit(), base.fee(), base.visits(), base.halls(), base.online(),
                base.express(), base.appointment(), base.process(), base.legalBasis(), base.consultPhone(), base.complaintPhone(),
                base.lastReviewed(), base.source(),
                base.faqs().stream().map(f -> new Faq(id + "-" + f.id(), id, f.topic(), f.question(), f.similar(), f.answer())).toList());
    }
}
