package org.askonce.wechat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code askonce.wechat.*}: the official accounts AskOnce answers for and how it behaves towards
 * WeChat. An account needs four values, which come from the environment, never from a committed
 * file: {@code askonce.wechat.accounts[0].app-id}, {@code .secret}, {@code .token}, {@code .aes-key}
 * (as environment variables {@code ASKONCE_WECHAT_ACCOUNTS_0_APPID}, {@code …_SECRET}, {@code …_TOKEN},
 * {@code …_AESKEY}).
 *
 * @param replayWindow how far a request's timestamp may be from now (WeChat signs the timestamp)
 * @param replyBudget  how long a passive reply may take before the answer goes out as a
 *                     customer-service message instead (WeChat gives up after 5 s)
 * @param maxBody      larger request bodies are rejected before they are read
 * @param dedupTtl     how long a message id is remembered (WeChat retries within about 15 s)
 * @param apiHost      the WeChat API base URL, e.g. a fake API on loopback in tests; empty for WeChat's own
 * @param simulator    serve the local simulator at /wx/simulator, with a demo account when none is configured
 * @param channelFile  welcome message and what each menu key asks; default {@code <knowledge-base>/wechat/channel.yaml},
 *                     built-in generic texts when that does not exist (a file named here must exist)
 * @param menuFile     the menu in WeChat's JSON, published by {@code java -jar askonce.jar wechat-menu};
 *                     default {@code <knowledge-base>/wechat/menu.json}, no menu when that does not exist
 *                     (a file named here must exist)
 * @param journal      where messages that arrive while the database does not answer are kept until they are
 *                     answered (by push); one per instance, in its data directory
 */
@ConfigurationProperties("askonce.wechat")
public record WechatSettings(
        @DefaultValue List<Account> accounts,
        @DefaultValue("5m") Duration replayWindow,
        @DefaultValue("4s") Duration replyBudget,
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue("10m") Duration dedupTtl,
        String apiHost,
        @DefaultValue("false") boolean simulator,
        Path channelFile,
        Path menuFile,
        @DefaultValue Outbox outbox,
        @DefaultValue("./data/wechat-journal.jsonl") Path journal) {

    public WechatSettings {
        // an account whose four values are all empty is not configured (e.g. compose's empty defaults)
        accounts = accounts == null ? List.of() : accounts.stream()
                .filter(a -> a == null || !(isBlank(a.appId()) && isBlank(a.secret()) && isBlank(a.token()) && isBlank(a.aesKey())))
                .toList();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            if (a == null || isBlank(a.appId()) || isBlank(a.token())) {
                throw new IllegalArgumentException("askonce.wechat.accounts[" + i + "] needs app-id and token");
            }
            if (!isBlank(a.aesKey()) && a.aesKey().strip().length() != 43) {
                throw new IllegalArgumentException("askonce.wechat.accounts[" + i + "].aes-key must be the 43-character EncodingAESKey, was "
                        + a.aesKey().strip().length() + " characters");
            }
            if (!ids.add(a.appId())) {
                throw new IllegalArgumentException("askonce.wechat.accounts: app-id " + a.appId() + " is configured twice");
            }
        }
        requirePositive("replay-window", replayWindow);
        requirePositive("reply-budget", replyBudget);
        requirePositive("dedup-ttl", dedupTtl);
        if (replyBudget.compareTo(Duration.ofMillis(4500)) > 0) {
            throw new IllegalArgumentException("askonce.wechat.reply-budget must leave time within WeChat's 5 s, was " + replyBudget);
        }
        if (maxBody == null || maxBody.toBytes() < 1024) {
            throw new IllegalArgumentException("askonce.wechat.max-body must be at least 1KB, was " + maxBody);
        }
        apiHost = isBlank(apiHost) ? null : apiHost.strip();
        outbox = outbox == null ? Outbox.defaults() : outbox;
    }

    /**
     * One official account. {@code aesKey} is needed for safe (encrypted) mode, {@code secret} for pushing
     * messages; {@code reminderTemplate}, when set, sends the reminder the day before a booking as a
     * template message (模板消息), which reaches the citizen even if they have not written within 48 hours
     * (a customer-service message, the default, does not).
     */
    public record Account(String appId, String secret, String token, String aesKey, ReminderTemplate reminderTemplate) {

        @Override
        public String toString() {
            return "Account[appId=" + appId + ", secret=***, token=***, aesKey=***]"; // never log secrets
        }
    }

    /**
     * The template (模板消息) an account sends booking reminders with: its id in the account's template
     * library ({@code askonce.wechat.accounts[0].reminder-template.id}) and what goes in each of its fields
     * ({@code ….data.thing1={item}}), in words with placeholders: {@value #PLACEHOLDERS_TEXT}. Without
     * {@code data}: {@code thing1={item}}, {@code time2={date} {start}}, {@code thing3={hall}},
     * {@code character_string4={code}} (WeChat's “预约提醒” kind of template). A {@code thing} field is cut to
     * WeChat's 20 characters, a {@code character_string} to 32.
     */
    public record ReminderTemplate(String id, Map<String, String> data) {

        /** The placeholders a field may use, e.g. {@code {date} {start}-{end}}. */
        public static final List<String> PLACEHOLDERS = List.of("item", "hall", "date", "start", "end", "code");
        static final String PLACEHOLDERS_TEXT = "{item} {hall} {date} {start} {end} {code}";
        private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([^{}]*)}");
        private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("[a-z_]+[0-9]+");

        public ReminderTemplate {
            if (isBlank(id)) {
                throw new IllegalArgumentException("reminder-template.id must name the template (its template_id)");
            }
            id = id.strip();
            if (data == null || data.isEmpty()) {
                data = new java.util.LinkedHashMap<>();
                data.put("thing1", "{item}");
                data.put("time2", "{date} {start}");
                data.put("thing3", "{hall}");
                data.put("character_string4", "{code}");
            }
            for (Map.Entry<String, String> field : data.entrySet()) {
                if (!FIELD.matcher(field.getKey()).matches()) {
                    throw new IllegalArgumentException("reminder-template.data: '" + field.getKey()
                            + "' is not a template field name (such as thing1, time2, character_string4)");
                }
                if (isBlank(field.getValue())) {
                    throw new IllegalArgumentException("reminder-template.data." + field.getKey() + " is empty");
                }
                var m = PLACEHOLDER.matcher(field.getValue());
                while (m.find()) {
                    if (!PLACEHOLDERS.contains(m.group(1))) {
                        throw new IllegalArgumentException("reminder-template.data." + field.getKey() + ": unknown placeholder {"
                                + m.group(1) + "}; known: " + PLACEHOLDERS_TEXT);
                    }
                }
            }
            data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        }
    }

    /**
     * The outbox of customer-service messages: how often it is polled, and how failed sends are
     * retried (doubling from {@code firstRetry} up to {@code maxRetry}, at most {@code maxAttempts} sends).
     */
    public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
                         @DefaultValue("8") int maxAttempts, @DefaultValue("5s") Duration firstRetry,
                         @DefaultValue("30m") Duration maxRetry) {

        public Outbox {
            requirePositive("outbox.poll-interval", pollInterval);
            requirePositive("outbox.first-retry", firstRetry);
            requirePositive("outbox.max-retry", maxRetry);
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("askonce.wechat.outbox.max-attempts must be at least 1, was " + maxAttempts);
            }
        }

        static Outbox defaults() {
            return new Outbox(true, Duration.ofMillis(500), 8, Duration.ofSeconds(5), Duration.ofMinutes(30));
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("askonce.wechat." + name + " must be positive, was " + d);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
