package org.askonce.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.askonce.analytics.AnalyticsReport.Counts;
import org.askonce.analytics.AnalyticsReport.Satisfaction;
import org.askonce.dialogue.HandoffRequested;
import org.junit.jupiter.api.Test;

class AnalyticsCsvTests {

    private static final AnalyticsView VIEW = new AnalyticsView(ZoneId.of("Asia/Shanghai"));

    private static AnalyticsReport report() {
        LocalDate day = LocalDate.of(2025, 3, 1);
        Counts counts = Counts.of(2, 3, 1, 1, 0, 1, 0, 1, 0);
        return new AnalyticsReport(day, day, counts, List.of(new AnalyticsReport.Day(day, counts)), Satisfaction.of(1, 1, 0),
                Satisfaction.of(1, 0, 0), Satisfaction.of(0, 1, 0),
                new AnalyticsReport.Handoffs(1, 1, 1, 0, 0, 0, 0, 75L, 75L,
                        List.of(new AnalyticsReport.ReasonCount(HandoffRequested.Reason.CITIZEN_ASKED, 1))),
                List.of(new AnalyticsReport.ItemCount("dog-registration", "养犬登记（犬证办理）", "杭州市公安局", 4, 3)),
                List.of(new AnalyticsReport.DepartmentCount("杭州市公安局", 1, 4, 3)),
                List.of(new AnalyticsReport.UnansweredQuestion("=HYPERLINK(\"x\"),公积金", 2, 2, 0, 0, Instant.parse("2025-03-01T02:00:00Z"))),
                0.5, List.of(new AnalyticsReport.EventUse("newborn", "新生儿出生一件事", 4, 3, 2, 5)), null);
    }

    @Test
    void listsLifeEventUseWithTheShareFollowedByAStepQuestion() {
        assertThat(AnalyticsCsv.write(report(), VIEW))
                .contains("\r\n一件事使用\r\n一件事,编号,回答次数,会话数,之后问了其中事项,其中事项提问数,跟进率\r\n新生儿出生一件事,newborn,4,3,2,5,50.0%\r\n");
    }

    @Test
    void startsWithAByteOrderMarkForExcel() {
        assertThat(AnalyticsCsv.write(report(), VIEW)).startsWith("\uFEFF最多问一次 数据分析,2025-03-01 至 2025-03-01\r\n");
    }

    @Test
    void hasOneSectionPerTableWithAChineseHeader() {
        String csv = AnalyticsCsv.write(report(), VIEW);
        assertThat(csv).contains("\r\n汇总\r\n指标,数值\r\n会话数,2\r\n")
                .contains("\r\n每日\r\n日期,会话数,市民消息数,提问数,已回答,澄清追问,转人工,未能回答,闲聊,发给坐席的消息,评价,回答率,转人工率\r\n"
                        + "2025-03-01,2,7,5,3,1,1,0,1,0,1,60.0%,20.0%\r\n")
                .contains("\r\n满意度\r\n评价对象,满意,基本满意,不满意,评价数,满意率\r\n全部,1,1,0,2,100.0%\r\n")
                .contains("\r\n转人工\r\n指标,数值\r\n转人工次数,1\r\n")
                .contains("平均等待接入,1分15秒\r\n")
                .contains("原因：市民要求人工,1\r\n")
                .contains("\r\n热门事项\r\n排名,事项,事项编号,部门,提问数,已回答\r\n1,养犬登记（犬证办理）,dog-registration,杭州市公安局,4,3\r\n")
                .contains("\r\n部门\r\n部门,事项数,提问数,已回答\r\n杭州市公安局,1,4,3\r\n");
    }

    @Test
    void aQuestionThatLooksLikeAFormulaIsQuotedAndDefused() {
        assertThat(AnalyticsCsv.write(report(), VIEW))
                .contains("\r\n未解决问题\r\n问题,次数,未能回答,转人工,低置信度,最近一次\r\n\"'=HYPERLINK(\"\"x\"\"),公积金\",2,2,0,0,2025-03-01 10:00\r\n");
    }

    @Test
    void aPlainCellStaysAsItIs() {
        assertThat(AnalyticsCsv.cell("社保卡怎么办")).isEqualTo("社保卡怎么办");
    }
}
