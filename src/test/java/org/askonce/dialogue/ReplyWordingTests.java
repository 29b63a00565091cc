package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.transfer.GuangdongCatalogue;
import org.junit.jupiter.api.Test;

/**
 * Every element of every item, worded by the composer citizens get on every channel, reads cleanly
 * ({@link WordingCheck}): the sample knowledge base and the imported 2,262-item Guangdong catalogue.
 */
class ReplyWordingTests {

    private static final Path SAMPLE = Path.of("knowledge-base");
    private static final Path CATALOGUE = Path.of("training/guangdong/guangdong-service-items.jsonl");

    private final ReplyComposer composer = new ReplyComposer(DialogueSettings.defaults());

    @Test
    void everyElementOfTheSampleKnowledgeBaseReadsCleanly() {
        KnowledgeSnapshot sample = KnowledgeFolder.read(SAMPLE);
        assertThat(sample.itemCount()).isGreaterThan(70);
        assertThat(problemsIn(sample)).isEmpty();
    }

    @Test
    void everyElementOfTheGuangdongCatalogueReadsCleanly() {
        KnowledgeSnapshot catalogue = GuangdongCatalogue.snapshot(CATALOGUE);
        assertThat(catalogue.itemCount()).isEqualTo(2262);
        assertThat(problemsIn(catalogue)).isEmpty();
    }

    @Test
    void thePassportPhotoIsNotNeededWhenTakenOnTheSpotSaidOnce() {
        ServiceItem passport = KnowledgeFolder.read(SAMPLE).item("passport").orElseThrow();
        String materials = composer.element(passport, Element.MATERIALS);
        assertThat(materials).contains("近期免冠彩色证件照片（原件1份；未在现场拍照的需提供；出入境接待大厅可免费拍照）")
                .doesNotContain("需提供需提供");
    }

    @Test
    void aConditionThatAlreadySaysWhetherToProvideIsNotToldAgain() {
        ServiceItem passport = KnowledgeFolder.read(SAMPLE).item("passport").orElseThrow();
        var photo = passport.materials().get(1);
        ServiceItem worded = passport.withMaterials(List.of(new ServiceItem.Material(photo.name(), photo.form(), photo.copies(), false,
                "现场拍照的无需提供", null, null)));
        assertThat(composer.element(worded, Element.MATERIALS)).contains("（原件1份；现场拍照的无需提供）");
    }

    /** Each element alone, all of them together, and each FAQ answer, of every item: what is wrong, item by item. */
    private List<String> problemsIn(KnowledgeSnapshot kb) {
        List<String> problems = new ArrayList<>();
        for (ServiceItem item : kb.items()) {
            for (Element element : Element.values()) {
                check(item.id() + " " + element, composer.element(item, element), problems);
            }
            check(item.id() + " all elements", composer.elements(item, Arrays.asList(Element.values())), problems);
            for (Faq faq : item.faqs()) {
                check(item.id() + " FAQ " + faq.id(), composer.faq(faq, item), problems);
            }
        }
        return problems;
    }

    private static void check(String where, String reply, List<String> problems) {
        WordingCheck.problems(reply).forEach(p -> problems.add(where + ": " + p));
    }
}
