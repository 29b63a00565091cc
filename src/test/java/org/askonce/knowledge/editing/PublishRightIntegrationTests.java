package org.askonce.knowledge.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.accounts.PublishRight;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.TestItems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The publish right: an editor saves drafts but cannot publish, roll back or import, in the console
 * or by API, and is told who can; a reviewer and an admin can; the service refuses an editor too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:publish-right;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class PublishRightIntegrationTests {

    private static final String EDITOR = "pr-editor";
    private static final String REVIEWER = "pr-reviewer";
    private static final String PASSWORD = "publish-right-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    KnowledgeEditor editor;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    UserAccounts accounts;
    @LocalServerPort
    int port;

    @BeforeEach
    void accounts() {
        if (accounts.find(EDITOR).isEmpty()) {
            accounts.create(EDITOR, "吴编辑", Role.EDITOR, PASSWORD);
            accounts.create(REVIEWER, "钱审核", Role.REVIEWER, PASSWORD);
        }
    }

    /** A new item of the test's own, saved by an editor as a draft (version 1). */
    private ItemVersion draftOfNewItem(String id) {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        return editor.saveDraft(TestItems.copy(dog, id, "测试事项 " + id), EDITOR, "新建");
    }

    /** A new item published (version 1) with a second published version, so that version 1 can be rolled back to. */
    private void publishedTwice(String id) {
        ItemVersion first = draftOfNewItem(id);
        editor.publish(id, first.version(), REVIEWER);
        ServiceItem item = first.item();
        ItemVersion second = editor.saveDraft(new ServiceItem(item.id(), item.name() + "（新）", item.aliases(), item.keywords(),
                item.department(), item.audience(), item.itemType(), item.conditions(), item.materials(), item.timeLimit(), item.fee(),
                item.visits(), item.halls(), item.online(), item.express(), item.appointment(), item.process(), item.legalBasis(),
                item.consultPhone(), item.complaintPhone(), item.lastReviewed(), item.source(), item.faqs()), EDITOR, "改名");
        editor.publish(id, second.version(), REVIEWER);
    }

    private ItemVersion.State state(String id, int version) {
        return editor.version(id, version).orElseThrow().state();
    }

    @Test
    void anEditorCannotPublishInTheConsoleAndIsToldWhoCan() throws Exception {
        ItemVersion draft = draftOfNewItem("pr-console-editor");

        mvc.perform(post("/editor/items/pr-console-editor/versions/1/publish").with(csrf()).with(user(EDITOR).roles("EDITOR")))
                .andExpect(status().isForbidden())
                .andExpect(request().attribute("deniedReason", PublishRight.REFUSED));

        assertThat(state(draft.itemId(), 1)).isEqualTo(ItemVersion.State.DRAFT);
        assertThat(knowledgeBase.snapshot().item("pr-console-editor")).isEmpty();
    }

    @Test
    void theRefusalPageSaysInChineseWhoMayPublish() throws Exception {
        draftOfNewItem("pr-refusal-page");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        browser.send(form("/login", "username=" + EDITOR + "&password=" + PASSWORD + "&_csrf=" + csrfOf(login)),
                HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(uri("/editor/items/pr-refusal-page")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("等待审核", "钱审核（pr-reviewer）").doesNotContain("small publish\"");

        HttpResponse<String> refused = browser.send(form("/editor/items/pr-refusal-page/versions/1/publish", "_csrf=" + csrfOf(page)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("没有发布权限", "“审核发布”角色或管理员", "钱审核（pr-reviewer）");
        assertThat(state("pr-refusal-page", 1)).isEqualTo(ItemVersion.State.DRAFT);
    }

    @Test
    void anEditorCannotRollBackInTheConsole() throws Exception {
        publishedTwice("pr-rollback-editor");

        mvc.perform(post("/editor/items/pr-rollback-editor/versions/1/rollback").with(csrf()).with(user(EDITOR).roles("EDITOR")))
                .andExpect(status().isForbidden());

        assertThat(editor.history("pr-rollback-editor")).hasSize(2);
        assertThat(knowledgeBase.snapshot().item("pr-rollback-editor").orElseThrow().name()).endsWith("（新）");
    }

    @Test
    void anEditorCannotPublishOrRollBackByApi() throws Exception {
        draftOfNewItem("pr-api-editor");
        publishedTwice("pr-api-rollback-editor");

        mvc.perform(post("/api/editor/items/pr-api-editor/versions/1/publish").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(PublishRight.REFUSED));
        mvc.perform(post("/api/editor/items/pr-api-rollback-editor/versions/1/rollback").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(containsString("没有发布权限")));

        assertThat(state("pr-api-editor", 1)).isEqualTo(ItemVersion.State.DRAFT);
        assertThat(editor.history("pr-api-rollback-editor")).hasSize(2);
    }

    @Test
    void anEditorCannotImportInTheConsoleOrByApi() throws Exception {
        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        byte[] yaml = EditorConsoleController.yaml(TestItems.copy(dog, "pr-import-editor", "导入的事项")).getBytes(StandardCharsets.UTF_8);

        mvc.perform(multipart("/editor/import").file(new MockMultipartFile("file", "pr-import-editor.yaml", "application/yaml", yaml))
                        .with(csrf()).with(user(EDITOR).roles("EDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/editor/import").file(new MockMultipartFile("file", "pr-import-editor.yaml", "application/yaml", yaml))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(PublishRight.REFUSED));

        assertThat(editor.history("pr-import-editor")).isEmpty();
        assertThat(knowledgeBase.snapshot().item("pr-import-editor")).isEmpty();
    }

    @Test
    void aReviewerPublishesAndRollsBackInTheConsole() throws Exception {
        draftOfNewItem("pr-console-reviewer");
        mvc.perform(post("/editor/items/pr-console-reviewer/versions/1/publish").with(csrf()).with(user(REVIEWER).roles("REVIEWER")))
                .andExpect(status().isFound());
        assertThat(state("pr-console-reviewer", 1)).isEqualTo(ItemVersion.State.PUBLISHED);
        assertThat(editor.version("pr-console-reviewer", 1).orElseThrow().publishedBy()).isEqualTo(REVIEWER);

        publishedTwice("pr-rollback-reviewer");
        mvc.perform(post("/editor/items/pr-rollback-reviewer/versions/1/rollback").with(csrf()).with(user(REVIEWER).roles("REVIEWER")))
                .andExpect(status().isFound());
        assertThat(editor.history("pr-rollback-reviewer")).first().satisfies(v -> {
            assertThat(v.version()).isEqualTo(3);
            assertThat(v.state()).isEqualTo(ItemVersion.State.PUBLISHED);
            assertThat(v.item().name()).doesNotEndWith("（新）");
        });
    }

    @Test
    void aReviewerPublishesRollsBackAndImportsByApi() throws Exception {
        draftOfNewItem("pr-api-reviewer");
        mvc.perform(post("/api/editor/items/pr-api-reviewer/versions/1/publish").with(httpBasic(REVIEWER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedBy").value(REVIEWER));

        publishedTwice("pr-api-rollback-reviewer");
        mvc.perform(post("/api/editor/items/pr-api-rollback-reviewer/versions/1/rollback").with(httpBasic(REVIEWER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.state").value("PUBLISHED"));

        ServiceItem dog = knowledgeBase.snapshot().item("dog-registration").orElseThrow();
        byte[] yaml = EditorConsoleController.yaml(TestItems.copy(dog, "pr-import-reviewer", "审核导入的事项")).getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/editor/import").file(new MockMultipartFile("file", "pr-import-reviewer.yaml", "application/yaml", yaml))
                        .with(httpBasic(REVIEWER, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
        assertThat(state("pr-import-reviewer", 1)).isEqualTo(ItemVersion.State.PUBLISHED);
    }

    @Test
    void anAdminMayPublish() throws Exception {
        draftOfNewItem("pr-admin");
        mvc.perform(post("/editor/items/pr-admin/versions/1/publish").with(csrf()).with(user("boss").roles("ADMIN")))
                .andExpect(status().isFound());
        assertThat(state("pr-admin", 1)).isEqualTo(ItemVersion.State.PUBLISHED);
    }

    @Test
    void aPublishPageWrittenLaterIsGuardedForEditorsWithoutANewRule() throws Exception {
        mvc.perform(post("/editor/lexicon/publish").with(csrf()).with(user(EDITOR).roles("EDITOR")))
                .andExpect(status().isForbidden())
                .andExpect(request().attribute("deniedReason", PublishRight.REFUSED));
        int forReviewer = mvc.perform(post("/editor/lexicon/publish").with(csrf()).with(user(REVIEWER).roles("REVIEWER")))
                .andReturn().getResponse().getStatus();
        assertThat(forReviewer).as("a reviewer passes the rule (whatever the page then answers)").isNotEqualTo(403);
    }

    @Test
    void theServiceRefusesALoggedInEditorToo() {
        draftOfNewItem("pr-service");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(EDITOR, null,
                List.of(new SimpleGrantedAuthority(Role.EDITOR.authority()))));
        try {
            assertThatThrownBy(() -> editor.publish("pr-service", 1, EDITOR))
                    .isInstanceOf(PublishRight.Refused.class).hasMessage(PublishRight.REFUSED);
            assertThatThrownBy(() -> editor.rollBack("pr-service", 1, EDITOR)).isInstanceOf(PublishRight.Refused.class);
            assertThatThrownBy(() -> editor.importAll(new KnowledgeSnapshot(List.of(), List.of(), Lexicon.EMPTY), EDITOR, "x.yaml"))
                    .isInstanceOf(PublishRight.Refused.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(editor.history("pr-service")).singleElement().satisfies(v -> assertThat(v.state()).isEqualTo(ItemVersion.State.DRAFT));
    }

    @Test
    void theConsoleShowsPublishingOnlyToThoseWhoMay() throws Exception {
        draftOfNewItem("pr-buttons");
        mvc.perform(get("/editor/items/pr-buttons").with(user(EDITOR).roles("EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("small publish\"")), not(containsString("回滚到此版")),
                        containsString("等待审核"), containsString("发布和回滚由"), containsString("钱审核（pr-reviewer）"))));
        mvc.perform(get("/editor").with(user(EDITOR).roles("EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("action=\"/editor/import\"")), containsString("导入会直接发布"))));
        mvc.perform(get("/editor/items/pr-buttons").with(user(REVIEWER).roles("REVIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("small publish\""), not(containsString("等待审核")))));
        mvc.perform(get("/editor").with(user(REVIEWER).roles("REVIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/editor/import\"")));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return URLEncoder.encode(m.group(1) != null ? m.group(1) : m.group(2), StandardCharsets.UTF_8);
    }
}
