package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingChatTests {

    private static final List<String> STARTS = List.of("09:00", "09:30", "10:00");

    @Test
    void aMenuIsAnsweredByItsNumberInDigitsOrWords() {
        assertThat(BookingChat.choice("2", STARTS)).hasValue(2);
        assertThat(BookingChat.choice("第三个", STARTS)).hasValue(3);
        assertThat(BookingChat.choice("选1", STARTS)).hasValue(1);
    }

    @Test
    void aMenuIsAnsweredByATimeItOffers() {
        assertThat(BookingChat.choice("9:30", STARTS)).hasValue(2);
        assertThat(BookingChat.choice("10:00", STARTS)).hasValue(3);
    }

    @Test
    void aNumberBeyondTheMenuOrAnotherMessageIsNoChoice() {
        assertThat(BookingChat.choice("4", STARTS)).isEmpty();
        assertThat(BookingChat.choice("社保卡怎么办", STARTS)).isEmpty();
    }

    @Test
    void daysReadAsMonthDayAndWeekday() {
        assertThat(BookingChat.dayLabel(LocalDate.of(2026, 12, 8))).isEqualTo("12月8日（周二）");
    }
}
