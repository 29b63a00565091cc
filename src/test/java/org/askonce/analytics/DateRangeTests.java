package org.askonce.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateRangeTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    @Test
    void defaultsToTheLastThirtyDaysUpToToday() {
        assertThat(DateRange.parse(null, "", TODAY)).isEqualTo(new DateRange(LocalDate.of(2025, 6, 1), TODAY));
    }

    @Test
    void aMissingStartIsThirtyDaysBeforeTheEnd() {
        assertThat(DateRange.parse(null, "2025-03-31", TODAY)).isEqualTo(new DateRange(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 31)));
    }

    @Test
    void rejectsAStartAfterTheEndInChinese() {
        assertThatThrownBy(() -> DateRange.parse("2025-05-02", "2025-05-01", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("开始日期 2025-05-02 晚于结束日期 2025-05-01");
    }

    @Test
    void acceptsThreeHundredSixtySixDays() {
        assertThat(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).days()).isEqualTo(366);
    }

    @Test
    void rejectsARangeOverThreeHundredSixtySixDays() {
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("日期范围最多 366 天，2024-01-01 至 2025-01-01 共 367 天");
    }

    @Test
    void rejectsADateItCannotReadNamingIt() {
        assertThatThrownBy(() -> DateRange.parse("2025/05/01", null, TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("开始日期格式应为 2025-01-31，收到的是 2025/05/01");
    }

    @Test
    void endsAtTheFirstInstantOfTheNextBeijingDay() {
        DateRange day = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1));
        assertThat(day.start(ZoneId.of("Asia/Shanghai"))).hasToString("2024-12-31T16:00:00Z");
        assertThat(day.end(ZoneId.of("Asia/Shanghai"))).hasToString("2025-01-01T16:00:00Z");
    }
}
