package org.askonce.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.askonce.dialogue.WordingCheck;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.transfer.GuangdongCatalogue;
import org.junit.jupiter.api.Test;

/** The guide page of every item, sample and Guangdong catalogue, reads as cleanly as the answers ({@link WordingCheck}). */
class GuidePageWordingTests {

    @Test
    void theGuideOfEverySampleItemReadsCleanly() {
        assertThat(problemsIn(KnowledgeFolder.read(Path.of("knowledge-base")))).isEmpty();
    }

    @Test
    void theGuideOfEveryGuangdongItemReadsCleanly() {
        assertThat(problemsIn(GuangdongCatalogue.snapshot(Path.of("training/guangdong/guangdong-service-items.jsonl")))).isEmpty();
    }

    private static List<String> problemsIn(KnowledgeSnapshot kb) {
        List<String> problems = new ArrayList<>();
        for (ServiceItem item : kb.items()) {
            GuidePage page = GuidePage.of(item, null, 1, "12345", "", "https://example.gov.cn/guide/" + item.id());
            WordingCheck.problems(String.join("\n", lines(page))).forEach(p -> problems.add(item.id() + ": " + p));
        }
        return problems;
    }

    /** Every text the page shows, one line each, as the template puts them together. */
    private static List<String> lines(GuidePage page) {
        List<String> lines = new ArrayList<>(List.of(page.name(), page.department(), page.gap()));
        lines.addAll(page.conditions());
        page.materials().forEach(m -> lines.add(m.number() + ". " + m.name() + (m.details().isEmpty() ? "" : "（" + m.details() + "）")));
        lines.addAll(page.timeLimit());
        lines.addAll(page.fee());
        lines.addAll(page.visits());
        page.halls().all().forEach(h -> lines.add(h.name() + " " + (h.district() == null ? "" : h.district()) + " " + h.address()
                + (h.hours() == null ? "" : " " + h.hours())));
        lines.addAll(page.process());
        lines.addAll(page.legalBasis());
        if (page.onlinePlatform() != null) {
            lines.add(page.onlinePlatform());
        }
        return lines;
    }
}
