package org.askonce.knowledge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The audit over the sample knowledge base in knowledge-base/. The sample is written to be complete
 * and consistent: as of 2026-11-30 it has no finding at all. (The FAQ checks are not vacuous here:
 * the answers do state phone numbers and working days, and they agree with their items.)
 */
class SampleKnowledgeBaseAuditTests {

    private static final KnowledgeSnapshot SAMPLE = KnowledgeFolder.read(Path.of("knowledge-base"));
    private static final KnowledgeAudit AUDIT = new KnowledgeAudit(new AuditSettings(365));

    @Test
    void theSampleHasNoFindings() {
        AuditReport report = AUDIT.audit(SAMPLE, LocalDate.of(2026, 11, 30));
        assertThat(report.itemCount()).isEqualTo(SAMPLE.itemCount());
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void theSampleFaqsStatePhonesAndWorkingDaysForTheFaqChecksToCompare() {
        long withPhones = SAMPLE.faqs().stream().filter(f -> f.itemId() != null && !AuditRules.statedPhones(f.answer()).isEmpty()).count();
        long withDays = SAMPLE.faqs().stream().filter(f -> f.itemId() != null && !AuditRules.workingDays(f.answer()).isEmpty()).count();
        assertThat(withPhones).isGreaterThanOrEqualTo(2);
        assertThat(withDays).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theSampleIsDueForReviewAYearAfterItsOldestReview() {
        AuditReport report = AUDIT.audit(SAMPLE, LocalDate.of(2027, 12, 31));
        assertThat(report.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.check()).isEqualTo(AuditCheck.REVIEW_OVERDUE));
        assertThat(report.itemsWithFindings()).isEqualTo(SAMPLE.itemCount());
    }
}
