package org.askonce.wechat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configured official accounts, each with its WxJava service. The access_token lives in Redis
 * when Redis is enabled (shared by every instance, refreshed by one; in this instance's memory while
 * Redis does not answer), in memory otherwise. With the
 * local simulator enabled, a demo account with a random token and key is added so the simulator
 * works on a fresh machine; only the simulator signs for it, and it never talks to WeChat.
 */
@Component
class WechatAccounts {

    private static final Logger log = LoggerFactory.getLogger(WechatAccounts.class);
    static final String DEMO_APP_ID = "wxaskoncedemo";

    /** One account: its WxJava service and config; {@code demo} for the simulator's account. */
    record Account(String appId, WxMpService service, WxMpConfigStorage config, boolean demo) {

        boolean encrypted() {
            return config.getAesKey() != null && !config.getAesKey().isBlank();
        }
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();

    WechatAccounts(WechatSettings settings, ObjectProvider<RedisGuard> redis,
                   @Value("${askonce.redis.enabled:false}") boolean redisEnabled) {
        for (WechatSettings.Account a : settings.accounts()) {
            WxMpDefaultConfigImpl config = redisEnabled
                    ? new WxMpRedisConfigImpl(new FallbackWxRedisOps(redis.getObject()), "askonce:wechat")
                    : new WxMpDefaultConfigImpl();
            accounts.put(a.appId(), account(a.appId(), a.secret(), a.token(), a.aesKey(), settings.apiHost(), config, false));
        }
        if (settings.simulator()) {
            accounts.put(DEMO_APP_ID, account(DEMO_APP_ID, "", random(32), random(43), null, new WxMpDefaultConfigImpl(), true));
        }
        log.info("WeChat accounts: {} ({} access_token store){}", accounts.keySet(), redisEnabled ? "Redis" : "in-memory",
                accounts.containsKey(DEMO_APP_ID) ? "; the demo account is only for the simulator" : "");
    }

    private static Account account(String appId, String secret, String token, String aesKey, String apiHost,
                                   WxMpDefaultConfigImpl config, boolean demo) {
        config.setAppId(appId);
        config.setSecret(secret == null ? "" : secret);
        config.setToken(token);
        config.setAesKey(aesKey == null || aesKey.isBlank() ? null : aesKey.strip());
        if (apiHost != null) {
            WxMpHostConfig hosts = new WxMpHostConfig();
            hosts.setApiHost(apiHost);
            hosts.setMpHost(apiHost);
            hosts.setOpenHost(apiHost);
            config.setHostConfig(hosts);
        }
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        service.setMaxRetryTimes(0); // the outbox retries, with back-off; WxJava's own retry sleeps in the caller's thread
        return new Account(appId, service, config, demo);
    }

    /** A WxJava service for one account outside the server (the menu command): in-memory token. */
    static WxMpService service(WechatSettings.Account a, String apiHost) {
        return account(a.appId(), a.secret(), a.token(), a.aesKey(), apiHost, new WxMpDefaultConfigImpl(), false).service();
    }

    /** The only real (not demo) account when exactly one is configured, else null (the demo one when it is all there is). */
    String soleAccount() {
        var real = accounts.values().stream().filter(a -> !a.demo()).toList();
        if (real.size() == 1) {
            return real.get(0).appId();
        }
        return real.isEmpty() && accounts.size() == 1 ? accounts.keySet().iterator().next() : null;
    }

    Optional<Account> find(String appId) {
        return appId == null ? Optional.empty() : Optional.ofNullable(accounts.get(appId));
    }

    Account demo() {
        return accounts.get(DEMO_APP_ID);
    }

    Iterable<Account> all() {
        return accounts.values();
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
