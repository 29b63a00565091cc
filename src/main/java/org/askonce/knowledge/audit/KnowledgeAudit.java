package org.askonce.knowledge.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.springframework.stereotype.Service;

/**
 * The knowledge audit: the spot checks the reform's offices run by hand, over any snapshot (the
 * published knowledge base or an imported catalogue). Null-safe throughout: an imported catalogue
 * keeps its real gaps as null or empty values, and every gap is a finding, never an exception.
 * The checks and their rules are listed in {@link AuditCheck} and the README.
 */
@Service
public class KnowledgeAudit {

    private static final Comparator<AuditFinding> ORDER = Comparator
            .comparing((AuditFinding f) -> f.check().severity())
            .thenComparing(AuditFinding::check)
            .thenComparing(f -> Objects.toString(f.department(), ""))
            .thenComparing(f -> Objects.toString(f.itemId(), ""));

    private final int reviewDays;

    public KnowledgeAudit(AuditSettings settings) {
        this.reviewDays = settings.reviewDays();
    }

    /** Audits every item of a snapshot as of {@code today}; findings most serious first. */
    public AuditReport audit(KnowledgeSnapshot snapshot, LocalDate today) {
        List<AuditFinding> findings = new ArrayList<>();
        for (ServiceItem item : snapshot.items()) {
            findings.addAll(audit(item, today));
        }
        findings.addAll(renamedEventSteps(snapshot));
        findings.sort(ORDER);
        return new AuditReport(today, reviewDays, snapshot.itemCount(), findings);
    }

    /**
     * The items renamed since a life event that uses them was written: flagged on the item until the
     * event's step names it again (the event's reply shows the item's new name meanwhile).
     */
    public static List<AuditFinding> renamedEventSteps(KnowledgeSnapshot snapshot) {
        List<AuditFinding> out = new ArrayList<>();
        for (LifeEvent event : snapshot.events()) {
            for (int i = 0; i < event.steps().size(); i++) {
                LifeEvent.Step step = event.steps().get(i);
                ServiceItem item = snapshot.item(step.item()).orElse(null);
                if (item != null && step.itemName() != null && !step.itemName().equals(item.name())) {
                    out.add(AuditFinding.of(item, AuditCheck.EVENT_STEP_RENAMED, "一件事“" + event.name() + "”第" + (i + 1) + "步写的是“"
                            + step.itemName() + "”，事项已改名，请更新该一件事"));
                }
            }
        }
        return out;
    }

    /** Audits one item (with its FAQs) as of {@code today}. */
    public List<AuditFinding> audit(ServiceItem item, LocalDate today) {
        List<AuditFinding> out = new ArrayList<>();
        Consumer<AuditFinding> add = out::add;
        checkPhones(item, add);
        checkHalls(item, add);
        checkOnline(item, add);
        checkMaterials(item, add);
        checkTimeLimit(item, add);
        if (item.visits() != null && item.visits() > 1) {
            add.accept(AuditFinding.of(item, AuditCheck.VISITS_OVER_ONE, "需到现场" + item.visits() + "次，未做到“最多跑一次”"));
        }
        checkFee(item, add);
        checkList(item, item.process(), AuditCheck.PROCESS_MISSING, "办理流程", "步", add);
        checkList(item, item.legalBasis(), AuditCheck.LEGAL_BASIS_MISSING, "设定依据", "条", add);
        checkReview(item, today, add);
        for (Faq faq : item.faqs()) {
            if (faq != null) {
                checkFaq(item, faq, add);
            }
        }
        return out;
    }

    private static void checkPhones(ServiceItem item, Consumer<AuditFinding> add) {
        phone(item, item.consultPhone(), "咨询电话", AuditCheck.CONSULT_PHONE_MISSING, add);
        phone(item, item.complaintPhone(), "投诉电话", AuditCheck.COMPLAINT_PHONE_MISSING, add);
    }

    private static void phone(ServiceItem item, String value, String what, AuditCheck missing, Consumer<AuditFinding> add) {
        if (AuditRules.isPlaceholder(value)) {
            if (missing != null) {
                add.accept(AuditFinding.of(item, missing, what + AuditRules.describeGap(value)));
            }
            return;
        }
        String problem = AuditRules.phoneProblem(value);
        if (problem != null) {
            add.accept(AuditFinding.of(item, AuditCheck.PHONE_INVALID, what + "“" + value.strip() + "”：" + problem));
        }
    }

    private static void checkHalls(ServiceItem item, Consumer<AuditFinding> add) {
        List<ServiceItem.Hall> halls = item.halls() == null ? List.of() : item.halls().stream().filter(Objects::nonNull).toList();
        if (halls.isEmpty()) {
            add.accept(AuditFinding.of(item, AuditCheck.HALL_ADDRESS_MISSING, "没有办理地点"));
            return;
        }
        for (int i = 0; i < halls.size(); i++) {
            ServiceItem.Hall hall = halls.get(i);
            String which = AuditRules.isPlaceholder(hall.name()) ? "第" + (i + 1) + "个办理地点" : "办理地点“" + hall.name().strip() + "”";
            if (AuditRules.isPlaceholder(hall.address())) {
                add.accept(AuditFinding.of(item, AuditCheck.HALL_ADDRESS_MISSING, which + "的地址" + AuditRules.describeGap(hall.address())));
            }
            if (AuditRules.isPlaceholder(hall.hours())) {
                add.accept(AuditFinding.of(item, AuditCheck.HALL_HOURS_MISSING, which + "的办公时间" + AuditRules.describeGap(hall.hours())));
            }
            phone(item, hall.phone(), which + "的电话", AuditCheck.HALL_PHONE_MISSING, add);
        }
    }

    private static void checkOnline(ServiceItem item, Consumer<AuditFinding> add) {
        String url = item.online() == null ? null : item.online().url();
        if (AuditRules.isPlaceholder(url)) {
            add.accept(AuditFinding.of(item, AuditCheck.ONLINE_LINK_MISSING, "网办链接" + AuditRules.describeGap(url)));
            return;
        }
        link(item, url, "网办链接", add);
    }

    private static void link(ServiceItem item, String url, String what, Consumer<AuditFinding> add) {
        String problem = AuditRules.linkProblem(url);
        if (problem != null) {
            add.accept(AuditFinding.of(item, AuditCheck.LINK_MALFORMED, what + "“" + url.strip() + "”：" + problem));
        }
    }

    private static void checkMaterials(ServiceItem item, Consumer<AuditFinding> add) {
        List<ServiceItem.Material> materials = item.materials() == null ? List.of()
                : item.materials().stream().filter(Objects::nonNull).toList();
        if (materials.isEmpty()) {
            add.accept(AuditFinding.of(item, AuditCheck.MATERIALS_MISSING, "没有申请材料"));
            return;
        }
        for (int i = 0; i < materials.size(); i++) {
            ServiceItem.Material m = materials.get(i);
            if (AuditRules.isPlaceholder(m.name())) {
                add.accept(AuditFinding.of(item, AuditCheck.MATERIALS_MISSING, "第" + (i + 1) + "项材料的名称" + AuditRules.describeGap(m.name())));
            }
            if (!AuditRules.isPlaceholder(m.sampleUrl())) { // a sample form is optional
                link(item, m.sampleUrl(), "材料“" + Objects.toString(m.name(), "第" + (i + 1) + "项") + "”的样表链接", add);
            }
        }
    }

    private static void checkTimeLimit(ServiceItem item, Consumer<AuditFinding> add) {
        ServiceItem.TimeLimit t = item.timeLimit();
        if (t == null || t.legalDays() == null && t.promisedDays() == null) {
            String note = t == null || AuditRules.isPlaceholder(t.note()) ? "" : "（时限说明：" + t.note().strip() + "）";
            add.accept(AuditFinding.of(item, AuditCheck.TIME_LIMIT_MISSING, "没有以工作日计的法定时限和承诺时限" + note));
            return;
        }
        if (t.legalDays() == null) {
            add.accept(AuditFinding.of(item, AuditCheck.TIME_LIMIT_MISSING, "没有法定时限（承诺时限" + t.promisedDays() + "个工作日）"));
        } else if (t.promisedDays() == null) {
            add.accept(AuditFinding.of(item, AuditCheck.TIME_LIMIT_MISSING, "没有承诺时限（法定时限" + t.legalDays() + "个工作日）"));
        } else if (t.legalDays() < t.promisedDays()) {
            add.accept(AuditFinding.of(item, AuditCheck.LEGAL_SHORTER_THAN_PROMISED,
                    "法定时限" + t.legalDays() + "个工作日短于承诺时限" + t.promisedDays() + "个工作日"));
        }
    }

    private static void checkFee(ServiceItem item, Consumer<AuditFinding> add) {
        ServiceItem.Fee fee = item.fee();
        if (fee == null) {
            add.accept(AuditFinding.of(item, AuditCheck.FEE_MISSING, "没有收费信息"));
        } else if (fee.charged() == null) {
            add.accept(AuditFinding.of(item, AuditCheck.FEE_MISSING, "未注明是否收费"));
        } else if (fee.charged() && AuditRules.isPlaceholder(fee.amount())) {
            // a free item needs no amount: 不收费 is the whole fact
            add.accept(AuditFinding.of(item, AuditCheck.FEE_MISSING, "收费事项的收费标准" + AuditRules.describeGap(fee.amount())));
        }
    }

    private static void checkList(ServiceItem item, List<String> values, AuditCheck check, String what, String unit,
                                  Consumer<AuditFinding> add) {
        if (values == null || values.stream().allMatch(AuditRules::isPlaceholder)) {
            add.accept(AuditFinding.of(item, check, values == null || values.isEmpty() ? "没有" + what
                    : what + "只有占位值“" + String.join("、", values.stream().map(v -> Objects.toString(v, "")).toList()) + "”"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (AuditRules.isPlaceholder(values.get(i))) {
                add.accept(AuditFinding.of(item, check, what + "第" + (i + 1) + unit + AuditRules.describeGap(values.get(i))));
            }
        }
    }

    private void checkReview(ServiceItem item, LocalDate today, Consumer<AuditFinding> add) {
        LocalDate reviewed = item.lastReviewed();
        if (reviewed == null) {
            add.accept(AuditFinding.of(item, AuditCheck.REVIEW_OVERDUE, "没有复核日期"));
            return;
        }
        long days = ChronoUnit.DAYS.between(reviewed, today);
        if (days < 0) {
            add.accept(AuditFinding.of(item, AuditCheck.REVIEW_OVERDUE, "复核日期" + reviewed + "晚于今天，请核对"));
        } else if (days > reviewDays) {
            add.accept(AuditFinding.of(item, AuditCheck.REVIEW_OVERDUE,
                    "上次复核于" + reviewed + "，已" + days + "天未复核（超过" + reviewDays + "天）"));
        }
    }

    // ---- FAQ answers against the item's structured elements ----

    private static void checkFaq(ServiceItem item, Faq faq, Consumer<AuditFinding> add) {
        String answer = faq.answer();
        if (answer == null || answer.isBlank()) {
            return;
        }
        String which = "问答“" + Objects.toString(faq.question(), faq.id()) + "”";
        Set<String> itemPhones = itemPhones(item);
        Set<String> reported = new HashSet<>();
        for (AuditRules.Phone p : AuditRules.statedPhones(answer)) {
            if (!AuditRules.isGenericHotline(p) && !itemPhones.contains(AuditRules.comparable(p)) && reported.add(p.digits())) {
                add.accept(AuditFinding.of(item, AuditCheck.FAQ_PHONE_CONFLICT,
                        which + "中的电话" + p.written() + "不是本事项的咨询、投诉或窗口电话"));
            }
        }
        ServiceItem.TimeLimit t = item.timeLimit();
        if (t != null && (t.legalDays() != null || t.promisedDays() != null)) {
            Set<Integer> known = knownWorkingDays(item);
            Set<Integer> stated = new LinkedHashSet<>(AuditRules.workingDays(answer));
            stated.removeAll(known);
            if (!stated.isEmpty()) {
                add.accept(AuditFinding.of(item, AuditCheck.FAQ_TIME_LIMIT_CONFLICT, which + "称" + join(stated) + "个工作日，事项"
                        + "承诺时限" + days(t.promisedDays()) + "、法定时限" + days(t.legalDays())));
            }
        }
        ServiceItem.Fee fee = item.fee();
        if (fee != null && fee.charged() != null) {
            boolean partlyFree = AuditRules.saysFree(fee.amount());
            if (fee.charged() && !partlyFree && AuditRules.saysFree(answer)) {
                add.accept(AuditFinding.of(item, AuditCheck.FAQ_FEE_CONFLICT,
                        which + "称不收费，事项收费：" + Objects.toString(fee.amount(), "（未填收费标准）")));
            }
            String named = AuditRules.namedFee(answer);
            if (!fee.charged() && named != null && !Objects.toString(fee.amount(), "").contains(named)) {
                add.accept(AuditFinding.of(item, AuditCheck.FAQ_FEE_CONFLICT, which + "提到收费" + named + "，事项登记为不收费"));
            }
        }
    }

    /** The item's own numbers, compared by their local part: consult, complaint and every hall's phone. */
    private static Set<String> itemPhones(ServiceItem item) {
        List<String> fields = new ArrayList<>();
        fields.add(item.consultPhone());
        fields.add(item.complaintPhone());
        if (item.halls() != null) {
            item.halls().stream().filter(Objects::nonNull).forEach(h -> fields.add(h.phone()));
        }
        Set<String> out = new HashSet<>();
        for (String field : fields) {
            AuditRules.phones(field).forEach(p -> out.add(AuditRules.comparable(p)));
        }
        return out;
    }

    /** Working days the item itself states: its limits, and any the time-limit note, conditions or process name. */
    private static Set<Integer> knownWorkingDays(ServiceItem item) {
        Set<Integer> out = new HashSet<>();
        ServiceItem.TimeLimit t = item.timeLimit();
        out.add(t.legalDays());
        out.add(t.promisedDays());
        out.addAll(AuditRules.workingDays(t.note()));
        out.addAll(AuditRules.workingDays(item.conditions()));
        if (item.process() != null) {
            item.process().forEach(step -> out.addAll(AuditRules.workingDays(step)));
        }
        out.remove(null);
        return out;
    }

    private static String days(Integer days) {
        return days == null ? "未填" : days == 0 ? "即办" : days + "个工作日";
    }

    private static String join(Set<Integer> numbers) {
        return String.join("、", numbers.stream().map(String::valueOf).toList());
    }
}
