package org.askonce.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.askonce.PostgresSupport;
import org.askonce.TestInstances;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.knowledge.editing.KnowledgeEditor;
import org.askonce.knowledge.lexicon.LexiconEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one PostgreSQL (production profile): what one publishes — an item, the lexicon —
 * the other answers with within seconds.
 */
class PublishAcrossInstancesIntegrationTests {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        String url = PostgresSupport.freshSchemaUrl();
        first = start(url, "a");
        second = start(url, "b");
    }

    private static ConfigurableApplicationContext start(String url, String name) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("spring.profiles.active", "postgres");
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        p.put("askonce.data-dir", "target/test-data/publish-" + name + "-" + UUID.randomUUID());
        p.put("askonce.knowledge-base", "src/test/resources/mini/kb");
        p.put("askonce.nlp.training-dir", "src/test/resources/mini/training");
        p.put("askonce.knowledge-poll", "200ms");
        return TestInstances.start(p);
    }

    @AfterAll
    static void stop() {
        TestInstances.closeAll(first, second);
    }

    @Test
    void aPublicationOnOneInstanceIsAnsweredByTheOtherWithinSeconds() throws Exception {
        KnowledgeEditor editor = first.getBean(KnowledgeEditor.class);
        ServiceItem live = first.getBean(KnowledgeBase.class).snapshot().item("dog-registration").orElseThrow();
        List<ServiceItem.Material> materials = new ArrayList<>(live.materials());
        materials.add(new ServiceItem.Material("犬只芯片植入证明", "原件", 1, true, null, null, null));
        ServiceItem changed = live.withMaterials(materials);
        DialogueEngine otherDialogue = second.getBean(DialogueEngine.class);
        assertThat(otherDialogue.handle(Channel.WEB, "other-1", "狗证要带什么材料").reply()).doesNotContain("犬只芯片植入证明");

        long start = System.nanoTime();
        editor.publish("dog-registration", editor.saveDraft(changed, "editor-a", null).version(), "editor-a");
        String reply = "";
        int n = 0;
        while (!reply.contains("犬只芯片植入证明") && System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
            Thread.sleep(100);
            reply = otherDialogue.handle(Channel.WEB, "other-poll-" + (n++), "狗证要带什么材料").reply();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(reply).contains("犬只芯片植入证明");
        assertThat(seconds).as("seen by the other instance within seconds").isLessThan(10);
    }

    @Test
    void aLexiconPublicationOnOneInstanceIsUsedByTheOtherWithinSeconds() throws Exception {
        LexiconEditor lexicon = first.getBean(LexiconEditor.class);
        DialogueEngine otherDialogue = second.getBean(DialogueEngine.class);
        String question = "汪汪证要带什么材料";
        assertThat(otherDialogue.handle(Channel.WEB, "other-lexicon-0", question).itemName()).isNotEqualTo("养犬登记（犬证办理）");
        List<String> terms = new ArrayList<>(lexicon.draft().synonyms().get("养犬登记"));
        terms.add("汪汪证");
        lexicon.saveEntry("养犬登记", "养犬登记", terms, "editor-a");

        long start = System.nanoTime();
        lexicon.publish("editor-a", null);
        org.askonce.dialogue.Reply reply = otherDialogue.handle(Channel.WEB, "other-lexicon-1", question);
        int n = 2;
        while (!"养犬登记（犬证办理）".equals(reply.itemName()) && System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
            Thread.sleep(100);
            reply = otherDialogue.handle(Channel.WEB, "other-lexicon-" + (n++), question);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(reply.itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(reply.reply()).contains("犬只狂犬病免疫证明");
        assertThat(seconds).as("seen by the other instance within seconds").isLessThan(10);
        assertThat(second.getBean(KnowledgeBase.class).snapshot().lexicon().synonyms().get("养犬登记")).contains("汪汪证");
    }
}
