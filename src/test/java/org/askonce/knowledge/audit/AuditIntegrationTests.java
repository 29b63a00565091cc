package org.askonce.knowledge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit page, its CSV and its JSON over a two-item knowledge base with two known problems:
 * 养犬登记 has the placeholder 暂无 as its consultation phone, 社会保障卡 was last reviewed in 2020.
 */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/audit/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class AuditIntegrationTests {

    private static final String EDITOR = "audit-editor";
    private static final String AGENT = "audit-agent";
    private static final String PASSWORD = "audit-password-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void accounts() {
        if (accounts.find(EDITOR).isEmpty()) {
            accounts.create(EDITOR, "核查编辑", Role.EDITOR, PASSWORD);
            accounts.create(AGENT, "核查坐席", Role.AGENT, PASSWORD);
        }
    }

    @Test
    void anEditorSeesTheCountsAndTheFindingsToWorkThrough() throws Exception {
        mvc.perform(get("/editor/audit").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("知识库核查"), containsString("各核查项问题数"),
                        containsString("咨询电话缺失"), containsString("超期未复核"),
                        containsString("养犬登记（犬证办理）"), containsString("咨询电话为占位值“暂无”"),
                        containsString("上次复核于2020-01-01"),
                        containsString("共 <strong>2</strong> 个事项，其中 <strong id=\"items-with-findings\">2</strong> 个有问题"))));
    }

    @Test
    void theCheckFilterKeepsOnlyThatChecksFindings() throws Exception {
        mvc.perform(get("/editor/audit").param("check", "review-overdue").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("上次复核于2020-01-01"), not(containsString("咨询电话为占位值")))));
    }

    @Test
    void theDepartmentFilterKeepsOnlyThatDepartmentsFindings() throws Exception {
        mvc.perform(get("/editor/audit").param("department", "杭州市公安局").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("咨询电话为占位值“暂无”"), not(containsString("上次复核于2020-01-01")))));
    }

    @Test
    void anUnknownCheckOnThePageShowsEverythingAndSaysSo() throws Exception {
        mvc.perform(get("/editor/audit").param("check", "no-such-check").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("没有这个核查项：no-such-check"), containsString("上次复核于2020-01-01"))));
    }

    @Test
    void anAgentMayNotOpenThePage() throws Exception {
        mvc.perform(get("/editor/audit").with(httpBasic(AGENT, PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void theCsvIsUtf8WithABomAHeaderAndOneLinePerFinding() throws Exception {
        byte[] body = mvc.perform(get("/editor/audit.csv").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).containsExactly(
                "事项编码,事项名称,实施部门,核查项,核查项代码,严重程度,问题说明",
                "dog-registration,养犬登记（犬证办理）,杭州市公安局,咨询电话缺失,consult-phone-missing,高,咨询电话为占位值“暂无”",
                "social-security-card,社会保障卡（市民卡）申领,杭州市人力资源和社会保障局,超期未复核,review-overdue,低,"
                        + lines[2].substring(lines[2].lastIndexOf(',') + 1));
        assertThat(lines[2]).contains("上次复核于2020-01-01");
    }

    @Test
    void theCsvKeepsTheFilters() throws Exception {
        String csv = mvc.perform(get("/editor/audit.csv").param("check", "review-overdue").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(2).last().asString().startsWith("social-security-card,");
    }

    @Test
    void theCsvDefusesFormulasAndQuotesCommas() {
        assertThat(AuditController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditController.cell("周一至周五, 9:00")).isEqualTo("\"周一至周五, 9:00\"");
        assertThat(AuditController.cell(null)).isEmpty();
    }

    @Test
    void theJsonApiListsCountsAndFindingsByStableCode() throws Exception {
        mvc.perform(get("/api/editor/audit").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.itemCount").value(2))
                .andExpect(jsonPath("$.reviewDays").value(365))
                .andExpect(jsonPath("$.counts[0].code").value("consult-phone-missing"))
                .andExpect(jsonPath("$.counts[0].count").value(1))
                .andExpect(jsonPath("$.findings.length()").value(2))
                .andExpect(jsonPath("$.findings[0].itemId").value("dog-registration"))
                .andExpect(jsonPath("$.findings[0].check").value("consult-phone-missing"))
                .andExpect(jsonPath("$.findings[0].checkLabel").value("咨询电话缺失"))
                .andExpect(jsonPath("$.findings[0].severity").value("高"));
    }

    @Test
    void theJsonApiRejectsAnUnknownCheckNamingIt() throws Exception {
        mvc.perform(get("/api/editor/audit").param("check", "phones").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("phones")));
    }

    @Test
    void theJsonApiRefusesAnAgent() throws Exception {
        mvc.perform(get("/api/editor/audit").with(httpBasic(AGENT, PASSWORD)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("没有权限"));
    }
}
