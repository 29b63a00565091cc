package org.askonce.knowledge.audit;

import org.askonce.knowledge.ServiceItem;


/**
 * One thing the audit found on one item: which item, whose it is, which check, how much it matters,
 * and what exactly is wrong, in Chinese (e.g. 第2个办理地点“西湖区行政服务中心”的地址为空).
 */
public record AuditFinding(String itemId, String itemName, String department, AuditCheck check,
                           AuditCheck.Severity severity, String detail) {

    static AuditFinding of(ServiceItem item, AuditCheck check, String detail) {
        return new AuditFinding(item.id(), item.name(), item.department(), check, check.severity(), detail);
    }
}
