package org.askonce.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard, its CSV and JSON as editors, agents and admins meet them, and the Prometheus
 * counters after a chat message.
 */
@MiniAppTest
@AutoConfigureObservability(tracing = false) // metrics are exported in tests only when asked for
class AnalyticsIntegrationTests {

    private static final String PASSWORD = "analytics-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void staff() {
        for (var user : new Object[][] {{"editor-wang", Role.EDITOR}, {"agent-zhao", Role.AGENT}, {"admin-sun", Role.ADMIN}}) {
            if (accounts.find((String) user[0]).isEmpty()) {
                accounts.create((String) user[0], "测试" + user[0], (Role) user[1], PASSWORD);
            }
        }
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
        return httpBasic(username, PASSWORD);
    }

    @Test
    void anEditorOpensTheDashboard() throws Exception {
        mvc.perform(get("/editor/analytics").with(as("editor-wang")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>数据分析"), containsString("回答率"), containsString("转人工率"),
                        containsString("满意率"), containsString("<svg class=\"chart\""), containsString("热门事项"),
                        containsString("未解决的问题"), containsString("导出 CSV"))));
    }

    @Test
    void anAgentMayNotOpenTheDashboard() throws Exception {
        mvc.perform(get("/editor/analytics").with(as("agent-zhao"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/editor/analytics").with(as("agent-zhao"))).andExpect(status().isForbidden());
    }

    @Test
    void aStartAfterTheEndIsShownBackInChinese() throws Exception {
        mvc.perform(get("/editor/analytics").param("from", "2025-05-02").param("to", "2025-05-01").with(as("editor-wang")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("开始日期 2025-05-02 晚于结束日期 2025-05-01"),
                        containsString("value=\"2025-05-02\""))));
    }

    @Test
    void theApiRejectsARangeOverAYearAsJson() throws Exception {
        mvc.perform(get("/api/editor/analytics").param("from", "2024-01-01").param("to", "2025-06-30").with(as("editor-wang")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(startsWith("日期范围最多 366 天")));
    }

    @Test
    void theApiAnswersTheFiguresAsJson() throws Exception {
        mvc.perform(get("/api/editor/analytics").param("from", "2025-03-01").param("to", "2025-03-07").with(as("editor-wang")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2025-03-01"))
                .andExpect(jsonPath("$.days.length()").value(7))
                .andExpect(jsonPath("$.totals.questions").value(0))
                .andExpect(jsonPath("$.satisfaction.rate").doesNotExist());
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkAndNamedForItsRange() throws Exception {
        byte[] body = mvc.perform(get("/editor/analytics.csv").param("from", "2025-03-01").param("to", "2025-03-07").with(as("editor-wang")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", containsString("askonce-analytics-2025-03-01-2025-03-07.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8))
                .contains("最多问一次 数据分析,2025-03-01 至 2025-03-07").contains("\r\n每日\r\n日期,会话数,");
    }

    @Test
    void theCsvRefusesAnInvalidRangeWithTheReason() throws Exception {
        mvc.perform(get("/editor/analytics.csv").param("from", "2025-03-08").param("to", "2025-03-07").with(as("editor-wang")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string("开始日期 2025-03-08 晚于结束日期 2025-03-07"));
    }

    @Test
    void prometheusIsForAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isFound()).andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin-sun", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(as("editor-wang"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void aChatMessageIncreasesTheQuestionCounterForAnAdmin() throws Exception {
        double before = questions("ANSWER", "WEB");
        mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"userId\":\"analytics-1\",\"text\":\"狗证要带什么材料\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.action").value("ANSWER"));
        assertThat(questions("ANSWER", "WEB")).isEqualTo(before + 1);
    }

    @Test
    void aRatingAndAHandoffAreCounted() throws Exception {
        chat("analytics-2", "狗证要带什么材料");
        chat("analytics-2", "满意");
        chat("analytics-3", "我要人工");
        String metrics = prometheus();
        assertThat(metrics)
                .containsPattern("askonce_ratings_total\\{[^}]*rated=\"answer\"[^}]*rating=\"1\"[^}]*} [1-9]")
                .containsPattern("askonce_handoffs_total\\{[^}]*reason=\"CITIZEN_ASKED\"[^}]*} [1-9]");
    }

    /** Each citizen's identity cookie, kept as their browser would. */
    private final java.util.Map<String, jakarta.servlet.http.Cookie[]> cookies = new java.util.HashMap<>();

    private void chat(String userId, String text) throws Exception {
        var request = post("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"" + userId + "\",\"text\":\"" + text + "\"}");
        if (cookies.containsKey(userId)) {
            request.cookie(cookies.get(userId));
        }
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        if (response.getCookies().length > 0) {
            cookies.put(userId, response.getCookies());
        }
    }

    private String prometheus() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(as("admin-sun")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private double questions(String action, String channel) throws Exception {
        Matcher m = Pattern.compile("askonce_questions_total\\{action=\"" + action + "\",channel=\"" + channel + "\"[^}]*} (\\S+)")
                .matcher(prometheus());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
