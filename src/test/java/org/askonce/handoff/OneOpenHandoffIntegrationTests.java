package org.askonce.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.askonce.PostgresSupport;
import org.askonce.TestInstances;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one PostgreSQL (production profile): a citizen who sends "转人工" and "人工" at the
 * same moment, each message reaching another instance, gets one hand-off; once it is resolved none
 * is left waiting; an agent who loses a claim is told who holds it.
 */
class OneOpenHandoffIntegrationTests {

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
        p.put("askonce.data-dir", "target/test-data/handoff-" + name + "-" + UUID.randomUUID());
        p.put("askonce.knowledge-base", "src/test/resources/mini/kb");
        p.put("askonce.nlp.training-dir", "src/test/resources/mini/training");
        p.put("askonce.handoff.hours", "00:00-23:59");
        p.put("askonce.handoff.workdays", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
        return TestInstances.start(p);
    }

    @AfterAll
    static void stop() {
        TestInstances.closeAll(first, second);
    }

    @Test
    void twoHandoffRequestsAtOnceOnTwoInstancesOpenOneHandoff() throws Exception {
        DialogueEngine a = first.getBean(DialogueEngine.class);
        DialogueEngine b = second.getBean(DialogueEngine.class);
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> users = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                String user = "race-" + i;
                users.add(user);
                a.handle(Channel.WEB, user, "你好"); // the conversation exists before the race
                CountDownLatch go = new CountDownLatch(1);
                Future<?> one = pool.submit(() -> {
                    go.await();
                    return a.handle(Channel.WEB, user, "转人工");
                });
                Future<?> two = pool.submit(() -> {
                    go.await();
                    return b.handle(Channel.WEB, user, "人工");
                });
                go.countDown();
                one.get();
                two.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String user : users) {
            long open = jdbc.sql("SELECT COUNT(*) FROM handoff WHERE user_id = ? AND state IN ('WAITING', 'WITH_AGENT')")
                    .param(user).query(Long.class).single();
            assertThat(open).as("open hand-offs of " + user).isEqualTo(1);
        }

        // resolved, nothing of that conversation is left waiting
        HandoffQueue queue = first.getBean(HandoffQueue.class);
        String conversation = jdbc.sql("SELECT conversation_id FROM handoff WHERE user_id = 'race-0'").query(String.class).list().get(0);
        queue.claim(conversation, "agent-a");
        queue.resolve(conversation, "agent-a");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handoff WHERE conversation_id = ? AND state IN ('WAITING', 'WITH_AGENT')")
                .param(conversation).query(Long.class).single()).isZero();
    }

    @Test
    void anAgentWhoLosesAClaimIsToldWhoHoldsIt() {
        first.getBean(DialogueEngine.class).handle(Channel.WEB, "claimed-1", "人工");
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        String conversation = jdbc.sql("SELECT conversation_id FROM handoff WHERE user_id = 'claimed-1'").query(String.class).single();
        first.getBean(HandoffQueue.class).claim(conversation, "agent-a");
        assertThatThrownBy(() -> second.getBean(HandoffQueue.class).claim(conversation, "agent-b"))
                .isInstanceOf(HandoffQueue.Conflict.class).hasMessage("已被agent-a接待");
    }
}
