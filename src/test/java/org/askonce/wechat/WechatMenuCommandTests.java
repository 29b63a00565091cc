package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing the repository's menu with {@code askonce.jar wechat-menu}, to a fake WeChat API on loopback. */
class WechatMenuCommandTests {

    private static FakeWechatApi api;

    @TempDir
    Path dir;

    @BeforeAll
    static void startApi() throws Exception {
        api = new FakeWechatApi();
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    private static String[] args(String... extra) {
        String[] base = {"wechat-menu", "--askonce.wechat.accounts[0].app-id=wxmenutest000001", "--askonce.wechat.accounts[0].secret=menu-secret",
            "--askonce.wechat.accounts[0].token=menu-token", "--askonce.wechat.api-host=" + api.url()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void publishesTheRepositoryMenuToTheAccount() {
        assertThat(WechatMenuCommand.run(args("--app-id=wxmenutest000001"))).isZero();
        assertThat(api.menus).singleElement().asString().contains("TOPIC_HUKOU").contains("办事指南").contains("location_select");
        assertThat(api.tokenCalls.get()).isEqualTo(1);
    }

    @Test
    void aDryRunChecksWithoutPublishing() {
        int before = api.menus.size();
        assertThat(WechatMenuCommand.run(args("--app-id=wxmenutest000001", "--dry-run"))).isZero();
        assertThat(api.menus).hasSize(before);
    }

    @Test
    void anAccountThatIsNotConfiguredFails() {
        assertThat(WechatMenuCommand.run(args("--app-id=wxnotthere"))).isEqualTo(1);
    }

    @Test
    void aMissingMenuFileFailsAndNothingIsPublished() {
        int before = api.menus.size();
        assertThat(WechatMenuCommand.run(args("--app-id=wxmenutest000001", "--menu=" + dir.resolve("menu.json")))).isEqualTo(1);
        assertThat(api.menus).hasSize(before);
    }

    @Test
    void missingAppIdIsAUsageError() {
        assertThat(WechatMenuCommand.run(new String[] {"wechat-menu"})).isEqualTo(2);
    }
}
