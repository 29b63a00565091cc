package org.askonce.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What accounts must do, on a fresh database migrated by Flyway: run against H2 and PostgreSQL by
 * the two subclasses.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class UserAccountsContractTests {

    private final PasswordEncoder encoder = AccountsConfiguration.encoder(4); // the cheapest cost: these tests count hashes, not time them
    private JdbcClient jdbc;
    private JdbcUserStore store;
    private UserAccounts accounts;

    abstract DataSource freshDatabase();

    @BeforeEach
    void migrate() {
        DataSource dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        store = new JdbcUserStore(jdbc);
        accounts = new UserAccounts(store, encoder);
    }

    private String hashOf(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username).query(String.class).single();
    }

    @Test
    void createsAnEnabledAccountThatReadsBack() {
        UserAccount created = accounts.create("li.na", " 李娜 ", Role.AGENT, "agent-password-1");
        assertThat(created.username()).isEqualTo("li.na");
        assertThat(created.displayName()).isEqualTo("李娜");
        assertThat(created.role()).isEqualTo(Role.AGENT);
        assertThat(created.enabled()).isTrue();
        assertThat(created.createdAt()).isNotNull();
        assertThat(accounts.list()).containsExactly(created);
        assertThat(accounts.find("li.na")).contains(created);
    }

    @Test
    void storesABcryptHashNeverThePassword() {
        accounts.create("hash-check", "张三", Role.AGENT, "plain-text-secret");
        String hash = hashOf("hash-check");
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("plain-text-secret");
        assertThat(encoder.matches("plain-text-secret", hash)).isTrue();
    }

    @Test
    void aTakenUsernameIsRefusedNamingIt() {
        accounts.create("wang", "王五", Role.AGENT, "agent-password-1");
        assertThatThrownBy(() -> accounts.create("WANG", "王六", Role.EDITOR, "agent-password-2"))
                .isInstanceOf(UsernameTakenException.class).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("用户名“WANG”已被使用");
        assertThat(accounts.list()).hasSize(1);
    }

    @Test
    void aBadUsernameIsRefusedNamingIt() {
        assertThatThrownBy(() -> accounts.create("张三", "张三", Role.AGENT, "agent-password-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("用户名“张三”不可用");
        assertThatThrownBy(() -> accounts.create("ab", "张三", Role.AGENT, "agent-password-1"))
                .hasMessageContaining("3–40 个字符");
        assertThatThrownBy(() -> accounts.create("a".repeat(41), "张三", Role.AGENT, "agent-password-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts.isEmpty()).isTrue();
    }

    @Test
    void aPasswordUnderTwelveCharactersIsRefused() {
        assertThatThrownBy(() -> accounts.create("short-pw", "张三", Role.AGENT, "1234567890"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("密码至少 12 个字符");
        assertThat(accounts.isEmpty()).isTrue();
    }

    @Test
    void aNewAccountsPasswordMayNotContainItsUsername() {
        assertThatThrownBy(() -> accounts.create("zhang.san", "张三", Role.AGENT, "Zhang.San-2025!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("密码不能包含用户名");
        assertThat(accounts.isEmpty()).isTrue();
    }

    @Test
    void aResetPasswordMustSatisfyThePolicyToo() {
        accounts.create("agent-1", "坐席", Role.AGENT, "agent-password-1");
        assertThatThrownBy(() -> accounts.resetPassword("agent-1", "qwerty123456"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("太常见");
        assertThatThrownBy(() -> accounts.resetPassword("agent-1", "my-agent-1-password"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("密码不能包含用户名");
        assertThat(encoder.matches("agent-password-1", hashOf("agent-1"))).isTrue();
    }

    @Test
    void aBlankDisplayNameIsRefused() {
        assertThatThrownBy(() -> accounts.create("no-name", "  ", Role.AGENT, "agent-password-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("请填写姓名");
    }

    @Test
    void anUnknownRoleIsRefusedNamingIt() {
        assertThatThrownBy(() -> Role.parse("BOSS")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BOSS");
        assertThat(Role.parse("agent")).isEqualTo(Role.AGENT);
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        accounts.create("admin-1", "管理员", Role.ADMIN, "admin-password-1");
        accounts.create("agent-1", "坐席", Role.AGENT, "agent-password-1");
        UserAccount disabled = accounts.disable("agent-1", "admin-1");
        assertThat(disabled.enabled()).isFalse();
        UserDetails login = new AccountUserDetailsService(store).loadUserByUsername("agent-1");
        assertThat(login.isEnabled()).isFalse();
        assertThat(accounts.enable("agent-1").enabled()).isTrue();
    }

    @Test
    void anAdminCannotDisableThemself() {
        accounts.create("admin-1", "管理员", Role.ADMIN, "admin-password-1");
        accounts.create("admin-2", "管理员二", Role.ADMIN, "admin-password-2");
        assertThatThrownBy(() -> accounts.disable("admin-1", "admin-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("不能停用自己的账号");
        assertThat(accounts.find("admin-1").orElseThrow().enabled()).isTrue();
    }

    @Test
    void theLastEnabledAdminCannotBeDisabled() {
        accounts.create("admin-1", "管理员", Role.ADMIN, "admin-password-1");
        accounts.create("admin-2", "管理员二", Role.ADMIN, "admin-password-2");
        accounts.disable("admin-2", "admin-1");
        assertThatThrownBy(() -> accounts.disable("admin-1", "admin-2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("“admin-1”是最后一个启用的管理员，不能停用");
        assertThat(accounts.find("admin-1").orElseThrow().enabled()).isTrue();
    }

    @Test
    void resetPasswordReplacesTheHash() {
        accounts.create("agent-1", "坐席", Role.AGENT, "agent-password-1");
        accounts.resetPassword("agent-1", "new-password-22");
        assertThat(encoder.matches("new-password-22", hashOf("agent-1"))).isTrue();
        assertThat(encoder.matches("agent-password-1", hashOf("agent-1"))).isFalse();
        assertThatThrownBy(() -> accounts.resetPassword("agent-1", "short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownUsernameIsItsOwnException() {
        assertThatThrownBy(() -> accounts.enable("nobody")).isInstanceOf(UnknownUserException.class).hasMessageContaining("nobody");
        assertThat(accounts.find("nobody")).isEmpty();
    }

    @Test
    void firstAdminIsCreatedFromTheSettingsWhenThereIsNoAccount() {
        assertThat(new FirstAdmin(accounts, new AdminSettings("chief", "head-of-hall-key-1")).createIfNoAccount()).isTrue();
        UserAccount chief = accounts.find("chief").orElseThrow();
        assertThat(chief.role()).isEqualTo(Role.ADMIN);
        assertThat(encoder.matches("head-of-hall-key-1", hashOf("chief"))).isTrue();
    }

    @Test
    void firstAdminSettingsAreIgnoredOnceAnAccountExists(CapturedOutput output) {
        accounts.create("agent-1", "坐席", Role.AGENT, "agent-password-1");
        assertThat(new FirstAdmin(accounts, new AdminSettings("chief", "head-of-hall-key-1")).createIfNoAccount()).isFalse();
        assertThat(accounts.find("chief")).isEmpty();
        assertThat(output).contains("askonce.admin.username/password ignored");
    }

    @Test
    void withoutSettingsNoAccountIsCreatedAndTheLogSaysHowToSetThem(CapturedOutput output) {
        assertThat(new FirstAdmin(accounts, new AdminSettings(null, null)).createIfNoAccount()).isFalse();
        assertThat(accounts.isEmpty()).isTrue();
        assertThat(output).contains("WARN").contains("ASKONCE_ADMIN_USERNAME").contains("ASKONCE_ADMIN_PASSWORD");
    }

    @Test
    void onlyAUsernameCreatesNothing(CapturedOutput output) {
        assertThat(new FirstAdmin(accounts, new AdminSettings("chief", "")).createIfNoAccount()).isFalse();
        assertThat(accounts.isEmpty()).isTrue();
        assertThat(output).contains("only the username is set");
    }

    @Test
    void aCommonFirstAdminPasswordStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new FirstAdmin(accounts, new AdminSettings("chief", "1q2w3e4r5t6y")).createIfNoAccount())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ASKONCE_ADMIN_PASSWORD").hasMessageContaining("太常见");
        assertThat(accounts.isEmpty()).isTrue();
    }

    @Test
    void aTooShortFirstAdminPasswordStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new FirstAdmin(accounts, new AdminSettings("chief", "short")).createIfNoAccount())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ASKONCE_ADMIN_PASSWORD").hasMessageContaining("至少 12 个字符");
        assertThat(accounts.isEmpty()).isTrue();
    }

    @Test
    void adminSettingsNeverShowThePassword() {
        assertThat(new AdminSettings("chief", "head-of-hall-key-1").toString()).doesNotContain("head-of-hall-key-1");
    }
}
