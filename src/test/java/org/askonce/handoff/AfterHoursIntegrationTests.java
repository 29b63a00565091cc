package org.askonce.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Outside working hours (today and the next days are holidays here) a hand-off becomes a ticket with a promised time. */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:handoff-after-hours;DB_CLOSE_DELAY=-1"})
class AfterHoursIntegrationTests {

    @DynamicPropertySource
    static void holidays(DynamicPropertyRegistry registry) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        registry.add("askonce.handoff.holidays", () -> today.minusDays(1) + "," + today + "," + today.plusDays(1) + "," + today.plusDays(2));
        registry.add("askonce.handoff.workdays", () -> "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
    }

    @Autowired
    DialogueEngine dialogue;
    @Autowired
    HandoffQueue queue;

    @Test
    void theCitizenIsToldWhenTheyWillGetAnAnswerAndTheQuestionIsKeptAsATicket() {
        Reply r = dialogue.handle(Channel.WEB, "night-owl", "我要投诉窗口工作人员态度差");
        LocalDate opening = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);

        assertThat(r.action()).isEqualTo(Action.HANDOFF);
        assertThat(r.reply()).contains("非工作时间").contains(opening.getMonthValue() + "月" + opening.getDayOfMonth() + "日")
                .contains("9:00");
        Handoff h = queue.transcript(r.conversationId()).handoff();
        assertThat(h.afterHours()).isTrue();
        assertThat(h.answerDue()).isNotNull();
        assertThat(h.state()).isEqualTo(Handoff.State.WAITING);
        assertThat(queue.queue()).first().extracting(Handoff::conversationId).isEqualTo(r.conversationId());
    }
}
