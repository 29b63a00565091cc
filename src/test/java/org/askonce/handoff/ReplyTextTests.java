package org.askonce.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A reply's length as the citizen sees it. */
class ReplyTextTests {

    @Test
    void aLineBreakSentAsCrLfCountsOnce() {
        assertThat(ReplyText.length("第一行\r\n第二行")).isEqualTo(7);
    }

    @Test
    void aLoneCarriageReturnIsALineBreak() {
        assertThat(ReplyText.normalise("第一行\r第二行")).isEqualTo("第一行\n第二行");
    }

    @Test
    void anEmojiCountsAsOneCharacter() {
        assertThat(ReplyText.length("好😀")).isEqualTo(2);
    }

    @Test
    void surroundingBlanksDoNotCount() {
        assertThat(ReplyText.length("  您好\r\n")).isEqualTo(2);
    }
}
