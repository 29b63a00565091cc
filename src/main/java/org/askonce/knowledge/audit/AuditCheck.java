package org.askonce.knowledge.audit;

/**
 * One check of the knowledge audit, with a stable code (for filters, the CSV and the JSON API), the
 * Chinese label editors read and how much it matters. The order here is the order of the page.
 */
public enum AuditCheck {
    CONSULT_PHONE_MISSING("consult-phone-missing", "咨询电话缺失", Severity.HIGH),
    COMPLAINT_PHONE_MISSING("complaint-phone-missing", "投诉电话缺失", Severity.MEDIUM),
    HALL_ADDRESS_MISSING("hall-address-missing", "办理地点缺失", Severity.HIGH),
    HALL_HOURS_MISSING("hall-hours-missing", "办公时间缺失", Severity.HIGH),
    HALL_PHONE_MISSING("hall-phone-missing", "窗口电话缺失", Severity.MEDIUM),
    ONLINE_LINK_MISSING("online-link-missing", "网办链接缺失", Severity.MEDIUM),
    MATERIALS_MISSING("materials-missing", "申请材料缺失", Severity.HIGH),
    TIME_LIMIT_MISSING("time-limit-missing", "办理时限缺失", Severity.HIGH),
    FEE_MISSING("fee-missing", "收费信息缺失", Severity.MEDIUM),
    PROCESS_MISSING("process-missing", "办理流程缺失", Severity.MEDIUM),
    LEGAL_BASIS_MISSING("legal-basis-missing", "设定依据缺失", Severity.LOW),
    LEGAL_SHORTER_THAN_PROMISED("legal-shorter-than-promised", "法定时限短于承诺时限", Severity.HIGH),
    VISITS_OVER_ONE("visits-over-one", "到现场超过一次", Severity.MEDIUM),
    LINK_MALFORMED("link-malformed", "链接格式错误", Severity.MEDIUM),
    PHONE_INVALID("phone-invalid", "电话号码格式可疑", Severity.MEDIUM),
    REVIEW_OVERDUE("review-overdue", "超期未复核", Severity.LOW),
    FAQ_PHONE_CONFLICT("faq-phone-conflict", "问答电话与事项不符", Severity.HIGH),
    FAQ_TIME_LIMIT_CONFLICT("faq-time-limit-conflict", "问答时限与事项不符", Severity.HIGH),
    FAQ_FEE_CONFLICT("faq-fee-conflict", "问答收费与事项不符", Severity.HIGH),
    EVENT_STEP_RENAMED("event-step-renamed", "一件事引用的事项已改名", Severity.HIGH);

    /** How much a finding matters: a citizen misled or stuck (高), a gap to fill (中), housekeeping (低). */
    public enum Severity {
        HIGH("高"), MEDIUM("中"), LOW("低");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String code;
    private final String label;
    private final Severity severity;

    AuditCheck(String code, String label, Severity severity) {
        this.code = code;
        this.label = label;
        this.severity = severity;
    }

    /** The stable code, e.g. {@code consult-phone-missing}. */
    public String code() {
        return code;
    }

    /** The Chinese label, e.g. 咨询电话缺失. */
    public String label() {
        return label;
    }

    public Severity severity() {
        return severity;
    }

    /**
     * The check with this code.
     *
     * @throws IllegalArgumentException naming the code and the known ones
     */
    public static AuditCheck ofCode(String code) {
        for (AuditCheck check : values()) {
            if (check.code.equals(code)) {
                return check;
            }
        }
        StringBuilder known = new StringBuilder();
        for (AuditCheck check : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(check.code);
        }
        throw new IllegalArgumentException("Unknown audit check: '" + code + "' (known: " + known + ")");
    }
}
