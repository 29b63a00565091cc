package org.askonce.knowledge.audit;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What one audit run found: the day it ran for, the review interval it used, how many items it
 * looked at, and the findings (most serious first).
 */
public record AuditReport(LocalDate auditedOn, int reviewDays, int itemCount, List<AuditFinding> findings) {

    public AuditReport {
        findings = List.copyOf(findings);
    }

    /** Findings per check, every check listed (0 when nothing was found), in the order of {@link AuditCheck}. */
    public Map<AuditCheck, Integer> counts() {
        Map<AuditCheck, Integer> counts = new EnumMap<>(AuditCheck.class);
        for (AuditCheck check : AuditCheck.values()) {
            counts.put(check, 0);
        }
        findings.forEach(f -> counts.merge(f.check(), 1, Integer::sum));
        return counts;
    }

    /** The departments with findings, sorted. */
    public List<String> departments() {
        TreeSet<String> out = new TreeSet<>();
        findings.forEach(f -> out.add(Objects.toString(f.department(), "")));
        return List.copyOf(out);
    }

    /** How many different items have at least one finding. */
    public long itemsWithFindings() {
        return findings.stream().map(AuditFinding::itemId).distinct().count();
    }

    /** The same report with only the findings of one check and/or one department (null or blank: all). */
    public AuditReport filter(AuditCheck check, String department) {
        boolean anyDepartment = department == null || department.isBlank();
        return new AuditReport(auditedOn, reviewDays, itemCount, findings.stream()
                .filter(f -> check == null || f.check() == check)
                .filter(f -> anyDepartment || department.strip().equals(Objects.toString(f.department(), "")))
                .toList());
    }
}
