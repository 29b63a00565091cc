package org.askonce.knowledge.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.askonce.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Import and export over HTTP: the template and export downloads, an upload by API (HTTP Basic) and in the console, bad files refused. */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:transfer-api;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class TransferApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    KnowledgeBase knowledgeBase;

    @Test
    void aReviewerDownloadsTheExportChangesItAndUploadsItByApi() throws Exception {
        if (accounts.find("api-reviewer").isEmpty()) {
            accounts.create("api-reviewer", "接口审核", Role.REVIEWER, "reviewer-via-api-1");
        }
        int items = knowledgeBase.snapshot().itemCount(); // other tests here import more
        byte[] csv = mvc.perform(get("/api/editor/export.csv").with(httpBasic("api-reviewer", "reviewer-via-api-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String changed = new String(csv, StandardCharsets.UTF_8).replace("养犬登记（犬证办理）", "养犬登记（犬证办理、年审）");

        mvc.perform(multipart("/api/editor/import").file(new MockMultipartFile("file", "items.csv", "text/csv",
                        changed.getBytes(StandardCharsets.UTF_8))).with(httpBasic("api-reviewer", "reviewer-via-api-1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(items));

        assertThat(knowledgeBase.snapshot().item("dog-registration").orElseThrow().name()).isEqualTo("养犬登记（犬证办理、年审）");
    }

    @Test
    void aBadUploadIsRefusedWithTheRowsAndAWrongKindOfFileWithWhatIsAccepted() throws Exception {
        String header = String.join(",", SpreadsheetFormat.COLUMNS.stream().map(SpreadsheetFormat.Column::header).toList());
        mvc.perform(multipart("/api/editor/import").file(new MockMultipartFile("file", "bad.csv", "text/csv",
                        (header + "\nBad Id,,,,,,,,,x,y\n").getBytes(StandardCharsets.UTF_8))).with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("第2行")));
        mvc.perform(multipart("/api/editor/import").file(new MockMultipartFile("file", "notes.docx", "application/octet-stream",
                        new byte[] {1, 2, 3})).with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString(".xlsx")));
    }

    @Test
    void theTemplateIsForEditorsAndTheConsoleUploadForReviewers() throws Exception {
        mvc.perform(get("/editor/template.xlsx").with(user("ed").roles("EDITOR"))).andExpect(status().isOk());
        mvc.perform(get("/editor/template.csv").with(user("ag").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/editor/import").file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .with(csrf()).with(user("rev").roles("REVIEWER")))
                .andExpect(status().isFound()).andExpect(flash().attribute("error", "请选择要导入的文件（文件不能是空的）"));
    }

    @Test
    void aLargeFileImportedInTheConsoleShowsItsProgressUntilCitizensCanAskAboutIt() throws Exception {
        byte[] catalogue = String.join("\n", java.nio.file.Files.readAllLines(GuangdongImportIntegrationTests.CATALOGUE).subList(0, 40))
                .getBytes(StandardCharsets.UTF_8);
        String page = mvc.perform(multipart("/editor/import").file(new MockMultipartFile("file", "guangdong-part.jsonl", "application/jsonl",
                        catalogue)).with(csrf()).with(user("boss").roles("ADMIN")))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/editor/import/");

        String status = awaitFinished(page + "/status");

        assertThat(status).contains("\"stage\":\"DONE\"").contains("\"imported\":40").contains("\"percent\":100");
        assertThat(knowledgeBase.snapshot().items()).filteredOn(i -> i.id().startsWith("gd-")).hasSize(40);
        mvc.perform(get(page).with(user("boss").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("已导入并发布")));
    }

    @Test
    void aBadFileImportedInTheBackgroundEndsRefusedWithEveryProblemAndChangesNothing() throws Exception {
        long publication = knowledgeBase.publication();
        String answer = mvc.perform(multipart("/api/editor/import")
                        .file(new MockMultipartFile("file", "broken.jsonl", "application/jsonl", "{\"TASK_CODE\":\"1\"}\nnot json\n".getBytes(StandardCharsets.UTF_8)))
                        .param("async", "true").with(csrf()).with(user("boss").roles("ADMIN")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String job = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).get("job").asText();

        String status = awaitFinished("/api/editor/import/" + job);

        assertThat(status).contains("\"stage\":\"FAILED\"").contains("第1行：缺少 TASK_NAME（事项名称）、DEPT_NAME（实施部门）")
                .contains("第2行：不是有效的 JSON");
        assertThat(knowledgeBase.publication()).isEqualTo(publication);
        mvc.perform(get("/api/editor/import/no-such-job").with(user("boss").roles("ADMIN"))).andExpect(status().isNotFound());
    }

    private String awaitFinished(String statusUrl) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            String json = mvc.perform(get(statusUrl).with(user("boss").roles("ADMIN"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            if (json.contains("\"finished\":true") || System.nanoTime() > deadline) {
                return json;
            }
            Thread.sleep(50);
        }
    }
}
