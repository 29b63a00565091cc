package org.askonce.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.askonce.analytics.AnalyticsReport.Counts;
import org.askonce.analytics.AnalyticsReport.Day;
import org.junit.jupiter.api.Test;

class ChartsTests {

    private static final List<Day> DAYS = List.of(
            new Day(LocalDate.of(2025, 3, 1), Counts.of(1, 3, 1, 1, 0, 0, 0, 0, 0)),
            new Day(LocalDate.of(2025, 3, 2), Counts.of(0, 0, 0, 0, 0, 0, 0, 0, 0)));

    @Test
    void questionsChartHasABarPerActionWithItsFigureAsTooltip() {
        String svg = Charts.questionsPerDay(DAYS);
        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("<title>2025-03-01 已回答：3</title>").contains("<title>2025-03-01 转人工：1</title>")
                .doesNotContain("2025-03-02 已回答");
    }

    @Test
    void ratesChartSkipsADayWithoutQuestions() {
        String svg = Charts.ratesPerDay(DAYS);
        assertThat(svg).contains("<title>2025-03-01 回答率：60.0%（5 个问题）</title>").doesNotContain("2025-03-02 回答率");
    }

    @Test
    void satisfactionWithoutRatingsSaysSo() {
        assertThat(Charts.satisfaction(AnalyticsReport.Satisfaction.of(0, 0, 0))).contains("暂无评价");
    }

    @Test
    void gridTopIsARoundNumber() {
        assertThat(Charts.niceCeiling(0)).isEqualTo(4);
        assertThat(Charts.niceCeiling(37)).isEqualTo(40);
        assertThat(Charts.niceCeiling(130)).isEqualTo(200);
    }
}
