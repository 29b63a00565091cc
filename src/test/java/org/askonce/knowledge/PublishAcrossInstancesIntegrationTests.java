package org.askonce.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.askonce.TestInstances;
import org.askonce.PostgresSupport;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances on one PostgreSQL (production profile): what one publishes, the other answers with within seconds. */
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
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {first, second}) {
            if (c != null) {
                c.close();
            }
        }
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
}
