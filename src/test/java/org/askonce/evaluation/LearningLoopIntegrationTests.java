package org.askonce.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.askonce.Eventually;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.editing.ItemVersion;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Unanswered questions grouped by wording; a group turned into a FAQ and published is answered the next time. */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:learning-loop;DB_CLOSE_DELAY=-1"})
class LearningLoopIntegrationTests {

    @Autowired
    LearningLoop loop;
    @Autowired
    DialogueEngine dialogue;
    @Autowired
    KnowledgeEditor editor;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    Retriever retriever;

    @Test
    void anUnansweredGroupTurnedIntoAFaqIsAnsweredTheNextTime() throws Exception {
        List<String> asked = List.of("狗丢了怎么找回", "狗丢了怎么找回", "我家狗丢了怎么找回来");
        for (int i = 0; i < asked.size(); i++) {
            assertThat(dialogue.handle(Channel.WEB, "lost-dog-" + i, asked.get(i)).action()).isNotEqualTo(Action.ANSWER);
        }

        LearningLoop.Group group = loop.groups(30).stream().filter(g -> g.wordings().contains("狗丢了怎么找回")).findFirst().orElseThrow();
        assertThat(group.representative()).isEqualTo("狗丢了怎么找回");
        assertThat(group.wordings()).contains("我家狗丢了怎么找回来");
        assertThat(group.count()).isEqualTo(3);
        assertThat(group.answeredNow()).isFalse();

        ItemVersion draft = loop.draftFaq("dog-registration", group.representative(), group.wordings(),
                "犬只走失请及时向所在地派出所报告，并凭犬证信息协助查找。", "editor-learn");
        editor.publish(draft.itemId(), draft.version(), "editor-learn");
        Eventually.until("the index with the new FAQ", Duration.ofSeconds(20), () -> retriever.builtFor() == knowledgeBase.publication());

        assertThat(dialogue.handle(Channel.WEB, "lost-dog-next", "狗丢了怎么找回").reply()).contains("派出所");
        assertThat(loop.groups(30)).filteredOn(g -> g.wordings().contains("狗丢了怎么找回")).singleElement()
                .satisfies(g -> assertThat(g.answeredNow()).isTrue());
    }

    @Test
    void aDaysRangeOutsideOneToAYearIsRefused() {
        assertThatThrownBy(() -> loop.groups(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("天数");
    }
}
