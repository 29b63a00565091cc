package org.askonce.knowledge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.ServiceItem.Fee;
import org.askonce.knowledge.ServiceItem.Hall;
import org.askonce.knowledge.ServiceItem.Material;
import org.askonce.knowledge.ServiceItem.Online;
import org.askonce.knowledge.ServiceItem.TimeLimit;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.transfer.GuangdongCatalogue;
import org.junit.jupiter.api.Test;

/** Each audit check finds its case, says what it found in Chinese, and leaves a clean item alone. */
class KnowledgeAuditTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final KnowledgeAudit AUDIT = new KnowledgeAudit(new AuditSettings(365));

    /** A complete, consistent item; each test changes one thing. */
    private static final class Item {
        String consultPhone = "0571-87280110";
        String complaintPhone = "12345";
        List<Hall> halls = new ArrayList<>(List.of(new Hall("市民中心公安窗口", "上城区", "杭州市上城区解放东路18号",
                "周一至周五 9:00-17:00", "0571-87280111")));
        Online online = new Online("https://www.zjzwfw.gov.cn/item/detail?code=id-card", "浙江政务服务网");
        List<Material> materials = new ArrayList<>(List.of(new Material("居民户口簿", "原件", 1, true, null, null, null)));
        TimeLimit timeLimit = new TimeLimit(60, 15, null);
        Fee fee = new Fee(true, "每证20元", "《居民身份证收费标准》");
        List<String> process = List.of("申请", "受理", "领证");
        List<String> legalBasis = List.of("《中华人民共和国居民身份证法》");
        LocalDate lastReviewed = LocalDate.of(2026, 6, 1);
        Integer visits = 1;
        List<Faq> faqs = new ArrayList<>();

        Item faq(String answer) {
            faqs.add(new Faq("faq-" + (faqs.size() + 1), "id-card", null, "问题" + (faqs.size() + 1) + "？", List.of(), answer));
            return this;
        }

        ServiceItem build() {
            return new ServiceItem("id-card", "居民身份证申领", List.of(), List.of(), "杭州市公安局", "个人", "行政许可", "户籍居民",
                    materials, timeLimit, fee, visits, halls, online, true, true, process, legalBasis, consultPhone, complaintPhone,
                    lastReviewed, "示例数据", faqs);
        }
    }

    private static List<AuditFinding> audit(Item item) {
        return AUDIT.audit(item.build(), TODAY);
    }

    private static List<AuditFinding> findings(Item item, AuditCheck check) {
        return audit(item).stream().filter(f -> f.check() == check).toList();
    }

    private static List<String> details(Item item, AuditCheck check) {
        return findings(item, check).stream().map(AuditFinding::detail).toList();
    }

    @Test
    void aCompleteConsistentItemHasNoFindings() {
        Item item = new Item().faq("咨询电话0571-87280110，承诺15个工作日办结，每证20元。");
        assertThat(audit(item)).isEmpty();
    }

    @Test
    void aFindingNamesTheItemItsDepartmentAndTheSeverityOfItsCheck() {
        Item item = new Item();
        item.consultPhone = "无";
        assertThat(audit(item)).containsExactly(new AuditFinding("id-card", "居民身份证申领", "杭州市公安局",
                AuditCheck.CONSULT_PHONE_MISSING, AuditCheck.Severity.HIGH, "咨询电话为占位值“无”"));
    }

    @Test
    void recognisesPlaceholders() {
        for (String placeholder : Arrays.asList(null, "", "  ", "\u3000", "无", "暂无", "空", "-", "/", "——", "待定", "null", "NULL",
                "N/A", "\"\"", "无。")) {
            assertThat(AuditRules.isPlaceholder(placeholder)).as("'%s'", placeholder).isTrue();
        }
        for (String value : List.of("0571-87280110", "无犯罪记录证明", "不收费", "周一至周五")) {
            assertThat(AuditRules.isPlaceholder(value)).as("'%s'", value).isFalse();
        }
    }

    @Test
    void flagsAnEmptyConsultationPhone() {
        Item item = new Item();
        item.consultPhone = " ";
        assertThat(details(item, AuditCheck.CONSULT_PHONE_MISSING)).containsExactly("咨询电话为空");
    }

    @Test
    void flagsANullComplaintPhone() {
        Item item = new Item();
        item.complaintPhone = null;
        assertThat(details(item, AuditCheck.COMPLAINT_PHONE_MISSING)).containsExactly("投诉电话为空");
    }

    @Test
    void flagsAnItemWithoutHalls() {
        Item item = new Item();
        item.halls = null;
        assertThat(details(item, AuditCheck.HALL_ADDRESS_MISSING)).containsExactly("没有办理地点");
    }

    @Test
    void flagsAHallWithAPlaceholderAddress() {
        Item item = new Item();
        item.halls.add(new Hall("西湖区行政服务中心", null, "待定", "周一至周五 9:00-17:00", "0571-87289110"));
        assertThat(details(item, AuditCheck.HALL_ADDRESS_MISSING)).containsExactly("办理地点“西湖区行政服务中心”的地址为占位值“待定”");
    }

    @Test
    void flagsAHallWithoutHours() {
        Item item = new Item();
        item.halls.set(0, new Hall(null, null, "杭州市上城区解放东路18号", null, "0571-87280111"));
        assertThat(details(item, AuditCheck.HALL_HOURS_MISSING)).containsExactly("第1个办理地点的办公时间为空");
    }

    @Test
    void flagsAHallWithAPlaceholderPhone() {
        Item item = new Item();
        item.halls.set(0, new Hall("市民中心", null, "杭州市上城区解放东路18号", "工作日", "-"));
        assertThat(details(item, AuditCheck.HALL_PHONE_MISSING)).containsExactly("办理地点“市民中心”的电话为占位值“-”");
    }

    @Test
    void flagsAMissingOnlineLink() {
        Item item = new Item();
        item.online = null;
        assertThat(details(item, AuditCheck.ONLINE_LINK_MISSING)).containsExactly("网办链接为空");
    }

    @Test
    void flagsAnItemWithoutMaterials() {
        Item item = new Item();
        item.materials = List.of();
        assertThat(details(item, AuditCheck.MATERIALS_MISSING)).containsExactly("没有申请材料");
    }

    @Test
    void flagsAMaterialWithAPlaceholderName() {
        Item item = new Item();
        item.materials.add(new Material("暂无", "原件", 1, true, null, null, null));
        assertThat(details(item, AuditCheck.MATERIALS_MISSING)).containsExactly("第2项材料的名称为占位值“暂无”");
    }

    @Test
    void flagsAMissingTimeLimit() {
        Item item = new Item();
        item.timeLimit = null;
        assertThat(details(item, AuditCheck.TIME_LIMIT_MISSING)).containsExactly("没有以工作日计的法定时限和承诺时限");
    }

    @Test
    void flagsAMissingPromisedTimeLimit() {
        Item item = new Item();
        item.timeLimit = new TimeLimit(20, null, null);
        assertThat(details(item, AuditCheck.TIME_LIMIT_MISSING)).containsExactly("没有承诺时限（法定时限20个工作日）");
    }

    @Test
    void flagsALegalLimitShorterThanThePromisedOne() {
        Item item = new Item();
        item.timeLimit = new TimeLimit(10, 15, null);
        assertThat(details(item, AuditCheck.LEGAL_SHORTER_THAN_PROMISED)).containsExactly("法定时限10个工作日短于承诺时限15个工作日");
    }

    @Test
    void aLimitInCalendarDaysIsMissingInWorkingDaysAndTheFindingQuotesIt() {
        Item item = new Item();
        item.timeLimit = GuangdongCatalogue.timeLimit("15(自然日)", null);
        assertThat(details(item, AuditCheck.TIME_LIMIT_MISSING))
                .containsExactly("没有以工作日计的法定时限和承诺时限（时限说明：法定办结时限：15个自然日。）");
    }

    @Test
    void flagsMoreThanOneVisit() {
        Item item = new Item();
        item.visits = 2;
        assertThat(details(item, AuditCheck.VISITS_OVER_ONE)).containsExactly("需到现场2次，未做到“最多跑一次”");
        item.visits = 1;
        assertThat(audit(item)).isEmpty();
    }

    @Test
    void acceptsEqualLegalAndPromisedLimitsAndOnTheSpotHandling() {
        Item item = new Item();
        item.timeLimit = new TimeLimit(0, 0, null);
        assertThat(audit(item)).isEmpty();
    }

    @Test
    void flagsAChargedItemWithoutAnAmount() {
        Item item = new Item();
        item.fee = new Fee(true, "无", "收费依据");
        assertThat(details(item, AuditCheck.FEE_MISSING)).containsExactly("收费事项的收费标准为占位值“无”");
    }

    @Test
    void flagsAFeeThatDoesNotSayWhetherItIsCharged() {
        Item item = new Item();
        item.fee = new Fee(null, null, null);
        assertThat(details(item, AuditCheck.FEE_MISSING)).containsExactly("未注明是否收费");
    }

    @Test
    void aFreeItemNeedsNoAmount() {
        Item item = new Item();
        item.fee = new Fee(false, "无", null);
        assertThat(findings(item, AuditCheck.FEE_MISSING)).isEmpty();
    }

    @Test
    void flagsAnEmptyProcess() {
        Item item = new Item();
        item.process = List.of();
        assertThat(details(item, AuditCheck.PROCESS_MISSING)).containsExactly("没有办理流程");
    }

    @Test
    void flagsAProcessStepThatIsAPlaceholder() {
        Item item = new Item();
        item.process = List.of("申请", "/", "领证");
        assertThat(details(item, AuditCheck.PROCESS_MISSING)).containsExactly("办理流程第2步为占位值“/”");
    }

    @Test
    void flagsALegalBasisOfOnlyPlaceholders() {
        Item item = new Item();
        item.legalBasis = List.of("暂无");
        assertThat(details(item, AuditCheck.LEGAL_BASIS_MISSING)).containsExactly("设定依据只有占位值“暂无”");
    }

    @Test
    void flagsAnOnlineLinkThatIsNotHttp() {
        Item item = new Item();
        item.online = new Online("www.zjzwfw.gov.cn/item", "浙江政务服务网");
        assertThat(details(item, AuditCheck.LINK_MALFORMED)).containsExactly("网办链接“www.zjzwfw.gov.cn/item”：缺少 http:// 或 https:// 前缀");
    }

    @Test
    void flagsLinksWithSpacesOtherSchemesOrNoHost() {
        assertThat(AuditRules.linkProblem("https://www.zjzwfw.gov.cn/item detail")).isEqualTo("含空格");
        assertThat(AuditRules.linkProblem("ftp://files.gov.cn/form.doc")).isEqualTo("不是 http(s) 链接");
        assertThat(AuditRules.linkProblem("https://")).isEqualTo("无法解析");
        assertThat(AuditRules.linkProblem("http:///form.doc")).isEqualTo("没有主机名");
        assertThat(AuditRules.linkProblem("https://zjzwfw/item")).isEqualTo("主机名“zjzwfw”不完整");
    }

    @Test
    void acceptsLinksWithChineseInTheQuery() {
        assertThat(AuditRules.linkProblem("https://www.gdzwfw.gov.cn/portal/guide?name=身份证")).isNull();
    }

    @Test
    void flagsAMalformedMaterialSampleLink() {
        Item item = new Item();
        item.materials.set(0, new Material("申请表", "原件", 1, true, null, null, "htp://sample"));
        assertThat(details(item, AuditCheck.LINK_MALFORMED)).containsExactly("材料“申请表”的样表链接“htp://sample”：不是 http(s) 链接");
    }

    @Test
    void acceptsMobilesLandlinesHotlinesAndServiceNumbers() {
        for (String phone : List.of("13812345678", "0571-87280110", "(0571)87280110", "010-65123456", "020-83123456-801",
                "12345", "0571-12345", "12366", "400-123-4567", "800 8208820", "95598", "0571-96225", "+86 571 8728 0110",
                "0571-87280110、0571-87280111", "0571-87280110（工作日）")) {
            assertThat(AuditRules.phoneProblem(phone)).as(phone).isNull();
        }
    }

    @Test
    void readsPhoneFieldsAsARealCatalogueWritesThem() {
        // forms seen in the Guangdong catalogue (shared/data)
        for (String phone : List.of("020-86351219、86351130", "020-38356454转1", "020-12333-9-0", "020-95598",
                "020-37288041/020-37288891", "020-86350153，受理时间：周一至周五上午08：30-12:00，下午14:00-17:30",
                "咨询电话号码：020-83815010。电子邮箱：441472514@qq.com。邮编：510030")) {
            assertThat(AuditRules.phoneProblem(phone)).as(phone).isNull();
        }
    }

    @Test
    void flagsNumbersWithTooManyDigitsOrAMistypedAreaCode() {
        assertThat(AuditRules.phoneProblem("020-837288891")).isEqualTo("“020-837288891”不是有效的电话号码");
        assertThat(AuditRules.phoneProblem("0020-12366")).isEqualTo("“0020-12366”不是有效的电话号码");
        assertThat(AuditRules.phoneProblem("020-123456")).isEqualTo("“020-123456”不是有效的电话号码");
    }

    @Test
    void flagsAPhoneWithoutAreaCode() {
        Item item = new Item();
        item.consultPhone = "87280110";
        assertThat(details(item, AuditCheck.PHONE_INVALID)).containsExactly("咨询电话“87280110”：“87280110”缺少区号");
    }

    @Test
    void flagsAPhoneThatIsNoNumber() {
        assertThat(AuditRules.phoneProblem("0571-8728")).isEqualTo("“0571-8728”不是有效的电话号码");
        assertThat(AuditRules.phoneProblem("请到窗口咨询")).isEqualTo("没有号码");
        assertThat(AuditRules.phoneProblem("1381234567")).isEqualTo("“1381234567”不是有效的电话号码");
    }

    @Test
    void flagsAnItemNotReviewedForMoreThanTheReviewDays() {
        Item item = new Item();
        item.lastReviewed = LocalDate.of(2025, 11, 29);
        assertThat(details(item, AuditCheck.REVIEW_OVERDUE)).containsExactly("上次复核于2025-11-29，已366天未复核（超过365天）");
    }

    @Test
    void anItemReviewedExactlyTheReviewDaysAgoIsNotOverdue() {
        Item item = new Item();
        item.lastReviewed = LocalDate.of(2025, 11, 30);
        assertThat(findings(item, AuditCheck.REVIEW_OVERDUE)).isEmpty();
    }

    @Test
    void theReviewDaysComeFromTheSettings() {
        Item item = new Item();
        item.lastReviewed = LocalDate.of(2026, 10, 1);
        assertThat(new KnowledgeAudit(new AuditSettings(30)).audit(item.build(), TODAY))
                .extracting(AuditFinding::check).containsExactly(AuditCheck.REVIEW_OVERDUE);
    }

    @Test
    void flagsAnItemWithoutAReviewDate() {
        Item item = new Item();
        item.lastReviewed = null;
        assertThat(details(item, AuditCheck.REVIEW_OVERDUE)).containsExactly("没有复核日期");
    }

    @Test
    void rejectsAReviewIntervalBelowOneDay() {
        assertThatThrownBy(() -> new AuditSettings(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("askonce.audit.review-days").hasMessageContaining("0");
    }

    @Test
    void flagsAnFaqNamingAPhoneThatIsNoneOfTheItems() {
        Item item = new Item().faq("请拨打0571-88888888咨询。");
        assertThat(details(item, AuditCheck.FAQ_PHONE_CONFLICT)).containsExactly("问答“问题1？”中的电话0571-88888888不是本事项的咨询、投诉或窗口电话");
    }

    @Test
    void anFaqMayNameTheItemsPhonesWithOrWithoutAreaCodeAnd12345() {
        Item item = new Item().faq("可拨打87280110、窗口电话0571-87280111或12345。");
        assertThat(findings(item, AuditCheck.FAQ_PHONE_CONFLICT)).isEmpty();
    }

    @Test
    void amountsAndDatesInAnFaqAreNotPhones() {
        Item item = new Item().faq("2026年起每证20元，需缴纳13800000000元？不会，证件号码18位。");
        assertThat(findings(item, AuditCheck.FAQ_PHONE_CONFLICT)).isEmpty();
    }

    @Test
    void flagsAnFaqStatingOtherWorkingDays() {
        Item item = new Item().faq("一般5个工作日可以领证。");
        assertThat(details(item, AuditCheck.FAQ_TIME_LIMIT_CONFLICT)).containsExactly("问答“问题1？”称5个工作日，事项承诺时限15个工作日、法定时限60个工作日");
    }

    @Test
    void readsWorkingDaysInChineseNumerals() {
        Item item = new Item().faq("十五个工作日办结，最长六十个工作日。");
        assertThat(findings(item, AuditCheck.FAQ_TIME_LIMIT_CONFLICT)).isEmpty();
        assertThat(AuditRules.workingDays("二十个工作日、三十五个工作日、两个工作日")).containsExactly(20, 35, 2);
    }

    @Test
    void anFaqMayStateWorkingDaysTheItemsNoteNamesOrADeadlineBeforeSomething() {
        Item item = new Item().faq("可以加急，加急7个工作日；到期30个工作日前申请换领。");
        item.timeLimit = new TimeLimit(60, 15, "加急一般7个工作日");
        assertThat(findings(item, AuditCheck.FAQ_TIME_LIMIT_CONFLICT)).isEmpty();
    }

    @Test
    void flagsAnFaqSayingFreeWhenTheItemCharges() {
        Item item = new Item().faq("办理身份证不收费。");
        assertThat(details(item, AuditCheck.FAQ_FEE_CONFLICT)).containsExactly("问答“问题1？”称不收费，事项收费：每证20元");
    }

    @Test
    void freeDeliveryIsNotAFreeItem() {
        Item item = new Item().faq("每证20元，可免费邮寄到家。");
        assertThat(findings(item, AuditCheck.FAQ_FEE_CONFLICT)).isEmpty();
    }

    @Test
    void anFaqMaySayFreeWhenTheItemIsFreeInSomeCases() {
        Item item = new Item().faq("首次申领免费。");
        item.fee = new Fee(true, "首次申领不收费；补领每证20元", "依据");
        assertThat(findings(item, AuditCheck.FAQ_FEE_CONFLICT)).isEmpty();
    }

    @Test
    void flagsAnFaqNamingAFeeWhenTheItemIsFree() {
        Item item = new Item().faq("需缴纳工本费20元。");
        item.fee = new Fee(false, "不收费", null);
        assertThat(details(item, AuditCheck.FAQ_FEE_CONFLICT)).containsExactly("问答“问题1？”提到收费20元，事项登记为不收费");
    }

    @Test
    void aSubsidyAmountIsNotAFee() {
        Item item = new Item().faq("符合条件的每月发放补贴500元。");
        item.fee = new Fee(false, "不收费", null);
        assertThat(findings(item, AuditCheck.FAQ_FEE_CONFLICT)).isEmpty();
    }

    @Test
    void anItemWithEveryElementNullIsAuditedWithoutAnException() {
        ServiceItem empty = new ServiceItem(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertThat(AUDIT.audit(empty, TODAY)).extracting(AuditFinding::check).containsExactlyInAnyOrder(
                AuditCheck.CONSULT_PHONE_MISSING, AuditCheck.COMPLAINT_PHONE_MISSING, AuditCheck.HALL_ADDRESS_MISSING,
                AuditCheck.ONLINE_LINK_MISSING, AuditCheck.MATERIALS_MISSING, AuditCheck.TIME_LIMIT_MISSING, AuditCheck.FEE_MISSING,
                AuditCheck.PROCESS_MISSING, AuditCheck.LEGAL_BASIS_MISSING, AuditCheck.REVIEW_OVERDUE);
    }

    @Test
    void aReportCountsEveryCheckAndFiltersByCheckAndDepartment() {
        Item item = new Item();
        item.consultPhone = "无";
        item.lastReviewed = null;
        KnowledgeSnapshot snapshot = new KnowledgeSnapshot(List.of(item.build()), List.of(), Lexicon.EMPTY);
        AuditReport report = AUDIT.audit(snapshot, TODAY);
        assertThat(report.counts()).hasSize(AuditCheck.values().length)
                .containsEntry(AuditCheck.CONSULT_PHONE_MISSING, 1).containsEntry(AuditCheck.REVIEW_OVERDUE, 1)
                .containsEntry(AuditCheck.FEE_MISSING, 0);
        assertThat(report.findings()).extracting(AuditFinding::check)
                .containsExactly(AuditCheck.CONSULT_PHONE_MISSING, AuditCheck.REVIEW_OVERDUE); // most serious first
        assertThat(report.filter(AuditCheck.REVIEW_OVERDUE, null).findings()).hasSize(1);
        assertThat(report.filter(null, "杭州市公安局").findings()).hasSize(2);
        assertThat(report.filter(null, "杭州市民政局").findings()).isEmpty();
    }

    @Test
    void checksHaveStableCodes() {
        assertThat(AuditCheck.ofCode("faq-phone-conflict")).isEqualTo(AuditCheck.FAQ_PHONE_CONFLICT);
        assertThatThrownBy(() -> AuditCheck.ofCode("phones")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'phones'").hasMessageContaining("consult-phone-missing");
    }
}
