package org.askonce.wechat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar target/askonce.jar wechat-menu --app-id=APPID [--menu=FILE] [--channel=FILE] [--dry-run]}:
 * checks the menu ({@code knowledge-base/wechat/menu.json} by default) against the channel texts and
 * publishes it to the configured account with WxJava's menu API. The account's secret comes from
 * the environment as for the server ({@code ASKONCE_WECHAT_ACCOUNTS_0_SECRET}…); nothing else starts.
 */
public final class WechatMenuCommand {

    private static final String USAGE = "Usage: wechat-menu --app-id=APPID [--menu=FILE] [--channel=FILE] [--dry-run]";

    private WechatMenuCommand() {
    }

    /** Only the WeChat settings, bound from application.properties, the environment and the arguments. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WechatSettings.class)
    static class SettingsOnly {
    }

    public static int run(String[] args) {
        String appId = null;
        Path menu = Path.of("knowledge-base/wechat/menu.json");
        Path channel = Path.of("knowledge-base/wechat/channel.yaml");
        boolean dryRun = false;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--app-id=")) {
                appId = a.substring("--app-id=".length());
            } else if (a.startsWith("--menu=")) {
                menu = Path.of(a.substring("--menu=".length()));
            } else if (a.startsWith("--channel=")) {
                channel = Path.of(a.substring("--channel=".length()));
            } else if (a.equals("--dry-run")) {
                dryRun = true;
            } else if (a.startsWith("--askonce.") || a.startsWith("--spring.")) {
                springArgs.add(a);
            } else {
                System.err.println("Unknown argument '" + a + "'. " + USAGE);
                return 2;
            }
        }
        if (appId == null || appId.isBlank()) {
            System.err.println("Missing --app-id. " + USAGE);
            return 2;
        }
        if (!Files.isRegularFile(menu)) {
            System.err.println("No menu to publish: " + menu.toAbsolutePath() + " does not exist. Write one in WeChat's JSON"
                    + " and give it with --menu=FILE. " + USAGE);
            return 1;
        }
        String json;
        try {
            ChannelTexts.read(channel, menu);
            json = Files.readString(menu, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("The menu is not valid: " + e.getMessage());
            return 1;
        }
        if (dryRun) {
            System.out.println("Menu " + menu + " is valid (" + ChannelTexts.clickKeys(ChannelTexts.readMenu(menu)).size()
                    + " click keys, all with topics); not published (--dry-run).");
            return 0;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            WechatSettings settings = context.getBean(WechatSettings.class);
            String wanted = appId;
            WechatSettings.Account account = settings.accounts().stream().filter(a -> a.appId().equals(wanted)).findFirst().orElse(null);
            if (account == null || account.secret() == null || account.secret().isBlank()) {
                System.err.println("Account " + appId + " is not configured with a secret (askonce.wechat.accounts[N].app-id/.secret).");
                return 1;
            }
            WxMpService service = WechatAccounts.service(account, settings.apiHost());
            service.getMenuService().menuCreate(json);
            System.out.println("Menu " + menu + " published to " + appId + ".");
            return 0;
        } catch (WxErrorException e) {
            System.err.println("WeChat refused the menu: " + (e.getError() == null ? "no answer"
                    : e.getError().getErrorCode() + " " + e.getError().getErrorMsg()));
            return 1;
        }
    }
}
