package org.askonce.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.askonce.MiniKnowledge;
import org.askonce.TestInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first-start load of a folder without items (hall FAQs and a lexicon only, as a new deployment
 * may have): it is stored once, and a restart on the same database neither loads it again nor fails.
 */
class FirstStartIntegrationTests {

    @TempDir
    Path folder;

    private ConfigurableApplicationContext start(String database) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("spring.datasource.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        p.put("askonce.data-dir", "target/test-data/first-start-" + UUID.randomUUID());
        p.put("askonce.knowledge-base", folder.toString());
        p.put("askonce.nlp.training-dir", MiniKnowledge.TRAINING.toString());
        return TestInstances.start(p);
    }

    @Test
    void aFolderWithoutItemsIsLoadedOnceAndARestartKeepsIt() throws Exception {
        Files.copy(MiniKnowledge.KB.resolve("hall-faqs.yaml"), folder.resolve("hall-faqs.yaml"));
        Files.copy(MiniKnowledge.KB.resolve("lexicon.yaml"), folder.resolve("lexicon.yaml"));
        String database = "first-start-" + UUID.randomUUID();
        try (ConfigurableApplicationContext first = start(database)) {
            assertThat(first.getBean(KnowledgeBase.class).snapshot().hallFaqs()).extracting(Faq::id).containsExactly("hall-weekend");
        }

        try (ConfigurableApplicationContext restarted = start(database)) {
            KnowledgeSnapshot kb = restarted.getBean(KnowledgeBase.class).snapshot();
            assertThat(kb.items()).isEmpty();
            assertThat(kb.hallFaqs()).extracting(Faq::id).containsExactly("hall-weekend");
            assertThat(kb.lexicon().synonyms()).containsKeys("养犬登记", "社会保障卡");
        }
    }
}
