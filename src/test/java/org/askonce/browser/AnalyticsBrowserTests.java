package org.askonce.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An editor logs in and reads the analytics dashboard over two weeks of seeded conversations. */
@MiniAppTest
class AnalyticsBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    private WebDriver editor;

    @AfterEach
    void quit() {
        BrowserSupport.release(editor);
    }

    /** Two weeks of traffic, growing towards today, with answers, menus, hand-offs, unknowns and ratings. */
    private void seedTwoWeeks() {
        LocalDate today = LocalDate.now(BEIJING);
        List<String[]> asked = List.of(
                new String[] {"狗证要带什么材料", "ANSWER", "dog-registration", "0.9"},
                new String[] {"社保卡怎么办", "ANSWER", "social-security-card", "0.92"},
                new String[] {"市民卡丢了咋办", "ANSWER", "social-security-card", "0.8"},
                new String[] {"养狗要办什么", "CLARIFY", null, "0.55"},
                new String[] {"公积金怎么提取", "UNKNOWN", null, "0.1"},
                new String[] {"我要人工", "HANDOFF", null, "0"},
                new String[] {"你好", "SMALLTALK", null, "1"},
                new String[] {"狗证多少钱", "ANSWER", "dog-registration", "0.45"});
        for (int d = 13; d >= 0; d--) {
            ZonedDateTime day = today.minusDays(d).atTime(9, 0).atZone(BEIJING);
            int conversations = 2 + (13 - d) % 5 + (13 - d) / 3;
            for (int c = 0; c < conversations; c++) {
                String id = UUID.randomUUID().toString();
                ZonedDateTime at = day.plusMinutes(37L * c);
                jdbc.sql("INSERT INTO conversation (id, channel, user_id, started_at, last_active_at, state, unsure_count) VALUES (?, ?, ?, ?, ?, 'BOT', 0)")
                        .params(id, c % 3 == 0 ? "WECHAT" : "WEB", "seed-" + id, ts(at), ts(at)).update();
                for (int t = 0; t < 1 + (c + d) % 3; t++) {
                    String[] q = asked.get((c * 3 + t + d) % asked.size());
                    Integer rating = q[1].equals("ANSWER") && (c + t) % 2 == 0 ? 1 + (c + d) % 4 % 3 : null;
                    jdbc.sql("""
                                    INSERT INTO chat_turn (conversation_id, created_at, question, action, item_id, confidence, reply, rating)
                                    VALUES (?, ?, ?, ?, ?, ?, '回复', ?)""")
                            .params(id, ts(at.plusMinutes(t)), q[0], q[1], q[2], Double.parseDouble(q[3]), rating).update();
                    if (q[1].equals("HANDOFF")) {
                        jdbc.sql("""
                                        INSERT INTO handoff (conversation_id, channel, user_id, reason, question, candidates, state, created_at,
                                        claimed_at, closed_at, after_hours) VALUES (?, 'WEB', ?, 'CITIZEN_ASKED', ?, '[]', 'RESOLVED', ?, ?, ?, FALSE)""")
                                .params(id, "seed-" + id, q[0], ts(at.plusMinutes(t)), ts(at.plusMinutes(t + 2 + c % 4)),
                                        ts(at.plusMinutes(t + 12))).update();
                    }
                }
            }
        }
    }

    private static Timestamp ts(ZonedDateTime at) {
        return Timestamp.from(at.toInstant());
    }

    @Test
    void anEditorReadsTheDashboard() throws Exception {
        seedTwoWeeks();
        accounts.create("editor-zhou", "周编辑", Role.EDITOR, "zhou-editor-secret-1");
        editor = BrowserSupport.chromium();
        BrowserSupport.logIn(editor, "http://127.0.0.1:" + port, "editor-zhou", "zhou-editor-secret-1");

        editor.get("http://127.0.0.1:" + port + "/editor/analytics");
        BrowserSupport.waitOn(editor, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
        assertThat(editor.findElement(By.tagName("h1")).getText()).contains("数据分析");
        assertThat(editor.findElement(By.id("figures")).getText()).contains("会话数").contains("回答率").contains("转人工率").contains("满意率");
        assertThat(editor.findElements(By.cssSelector("#questions-chart svg rect"))).isNotEmpty();
        assertThat(editor.findElements(By.cssSelector("#rates-chart svg circle"))).isNotEmpty();
        assertThat(editor.findElement(By.id("top-items")).getText()).contains("养犬登记（犬证办理）").contains("杭州市公安局");
        assertThat(editor.findElement(By.id("unanswered")).getText()).contains("公积金怎么提取");

        long height = (Long) ((JavascriptExecutor) editor).executeScript("return document.documentElement.scrollHeight;");
        editor.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 140, 4000)));
        BrowserSupport.screenshot(editor, "analytics-dashboard");
    }
}
