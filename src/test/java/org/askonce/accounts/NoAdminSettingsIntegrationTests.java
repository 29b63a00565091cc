package org.askonce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** Started without askonce.admin.*: no account is made up, and no default login gets in. */
@SpringBootTest(properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "spring.datasource.url=jdbc:h2:mem:no-admin;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class NoAdminSettingsIntegrationTests {

    @Autowired
    UserAccounts accounts;
    @Autowired
    MockMvc mvc;

    @Test
    void noAccountIsCreated() {
        assertThat(accounts.isEmpty()).isTrue();
        assertThat(accounts.list()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"admin,admin", "admin,password", "admin,admin123456", "user,password", "root,root", "askonce,askonce"})
    void noDefaultLoginGetsIn(String username, String password) throws Exception {
        mvc.perform(get("/api/admin/users").with(httpBasic(username, password))).andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login").user(username).password(password)).andExpect(unauthenticated());
    }
}
