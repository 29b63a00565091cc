package org.askonce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A table belongs to one module, and only that module's code names it in SQL; others ask the owner's
 * API (as analytics asks dialogue's {@code ConversationStatistics}). Every table the migrations create
 * has an owner here, so a new table is given one when it is added. The Java migrations in
 * {@code db.migration} (which rewrite stored data once) are exempt.
 */
class TableOwnershipTests {

    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("agent_presence", "handoff"), Map.entry("handoff", "handoff"),
            Map.entry("analytics_event_use", "analytics"),
            Map.entry("app_user", "accounts"), Map.entry("login_failure", "accounts"), Map.entry("staff_hall", "accounts"),
            Map.entry("appointment", "appointments"), Map.entry("appointment_chat", "appointments"),
            Map.entry("appointment_phone", "appointments"), Map.entry("appointment_slot", "appointments"),
            Map.entry("conversation", "dialogue"), Map.entry("chat_turn", "dialogue"), Map.entry("turn_clear_text", "dialogue"),
            Map.entry("embedding_cache", "retrieval"),
            Map.entry("kb_audit_log", "knowledge"), Map.entry("kb_event", "knowledge"), Map.entry("kb_event_version", "knowledge"),
            Map.entry("kb_faq", "knowledge"), Map.entry("kb_faq_draft", "knowledge"), Map.entry("kb_item", "knowledge"),
            Map.entry("kb_item_version", "knowledge"), Map.entry("kb_lexicon", "knowledge"), Map.entry("kb_lexicon_draft", "knowledge"),
            Map.entry("kb_lexicon_version", "knowledge"), Map.entry("kb_publication", "knowledge"),
            Map.entry("staff_access_log", "privacy"),
            Map.entry("web_citizen", "webchat"),
            Map.entry("wechat_follower", "wechat"), Map.entry("wechat_outbox", "wechat"));

    private static final Pattern CREATED = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b");
    private static final Path SOURCES = Path.of("src/main/java/org/askonce");

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(created).hasSizeGreaterThan(20);
        assertThat(OWNER.keySet()).as("a table created by a migration without an owner here, or an owner of no table")
                .containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void onlyTheOwningModuleNamesATableInSql() throws IOException {
        List<String> trespasses = new ArrayList<>();
        int named = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(f).getName(0).toString();
                Matcher m = NAMED.matcher(Files.readString(f));
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    String owner = OWNER.get(table);
                    if (owner != null) {
                        named++;
                        if (!owner.equals(module)) {
                            trespasses.add(SOURCES.relativize(f) + " names " + table + ", a table of " + owner);
                        }
                    }
                }
            }
        }
        assertThat(named).as("SQL naming the tables was found at all").isGreaterThan(50);
        assertThat(trespasses).isEmpty();
    }

    @Test
    void theCheckFindsATrespass() {
        Matcher m = NAMED.matcher("SELECT question FROM chat_turn t JOIN handoff h ON h.conversation_id = t.conversation_id");
        List<String> tables = new ArrayList<>();
        while (m.find()) {
            tables.add(m.group(1));
        }
        assertThat(tables).containsExactly("chat_turn", "handoff");
    }
}
