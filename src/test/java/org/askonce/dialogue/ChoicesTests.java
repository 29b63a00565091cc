package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChoicesTests {

    @Test
    void readsADigit() {
        assertThat(Choices.parse("2", 3)).hasValue(2);
    }

    @Test
    void readsChineseOrdinals() {
        assertThat(Choices.parse("第二个", 3)).hasValue(2);
        assertThat(Choices.parse("选三", 3)).hasValue(3);
        assertThat(Choices.parse("就第一项吧", 3)).hasValue(1);
    }

    @Test
    void readsTheLastOne() {
        assertThat(Choices.parse("最后一个", 4)).hasValue(4);
    }

    @Test
    void rejectsNumbersOutsideTheMenu() {
        assertThat(Choices.parse("5", 3)).isEmpty();
        assertThat(Choices.parse("0", 3)).isEmpty();
    }

    @Test
    void rejectsSentences() {
        assertThat(Choices.parse("狗证要带什么材料", 3)).isEmpty();
    }
}
