package org.askonce.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal of WeChat messages kept while the database does not answer: what survives a restart, and what does not. */
class WechatJournalTests {

    @TempDir
    Path dir;

    private static WxMpXmlMessage text(String openId, long msgId, String content) {
        WxMpXmlMessage m = new WxMpXmlMessage();
        m.setFromUser(openId);
        m.setToUser("gh_test");
        m.setMsgType("text");
        m.setContent(content);
        m.setMsgId(msgId);
        m.setCreateTime(1_700_000_000L);
        return m;
    }

    @Test
    void nothingIsWrittenUntilSomethingIsJournaled() {
        new WechatJournal(dir.resolve("journal.jsonl"));
        assertThat(dir.resolve("journal.jsonl")).doesNotExist();
    }

    @Test
    void aJournaledQuestionIsStillOpenAfterARestartAndComesBackAsItWasSent() {
        Path file = dir.resolve("journal.jsonl");
        WechatJournal journal = new WechatJournal(file);
        journal.question("wx1", text("open-1", 42L, "狗证要带什么材料"), "wx1:m:42");
        journal.close();

        WechatJournal restarted = new WechatJournal(file);
        assertThat(restarted.open()).hasSize(1);
        WechatJournal.Entry e = restarted.open().get(0);
        assertThat(e.kind()).isEqualTo(WechatJournal.Kind.QUESTION);
        assertThat(e.appId()).isEqualTo("wx1");
        assertThat(e.openId()).isEqualTo("open-1");
        assertThat(e.key()).isEqualTo("wx1:m:42");
        WxMpXmlMessage m = e.toMessage();
        assertThat(m.getContent()).isEqualTo("狗证要带什么材料");
        assertThat(m.getMsgType()).isEqualTo("text");
        assertThat(m.getMsgId()).isEqualTo(42L);
        assertThat(m.getFromUser()).isEqualTo("open-1");
    }

    @Test
    void aClosedEntryIsNotOpenAfterARestart() {
        Path file = dir.resolve("journal.jsonl");
        WechatJournal journal = new WechatJournal(file);
        long first = journal.question("wx1", text("open-1", 1L, "一"), "wx1:m:1");
        journal.push("wx1", "open-2", "您的答复", "wx1:m:2");
        journal.done(first);
        journal.close();

        WechatJournal restarted = new WechatJournal(file);
        assertThat(restarted.open()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(WechatJournal.Kind.PUSH);
            assertThat(e.text()).isEqualTo("您的答复");
        });
    }

    @Test
    void theFileIsEmptiedOnceEveryEntryIsClosed() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        WechatJournal journal = new WechatJournal(file);
        long a = journal.question("wx1", text("open-1", 1L, "一"), "wx1:m:1");
        long b = journal.question("wx1", text("open-1", 2L, "二"), "wx1:m:2");
        journal.done(a);
        assertThat(Files.size(file)).isPositive();
        journal.done(b);
        assertThat(Files.size(file)).isZero();
        assertThat(journal.isEmpty()).isTrue();
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndTheRestIsKept() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        WechatJournal journal = new WechatJournal(file);
        journal.question("wx1", text("open-1", 1L, "一"), "wx1:m:1");
        journal.close();
        Files.writeString(file, "{\"seq\":2,\"kind\":\"QUES", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        WechatJournal restarted = new WechatJournal(file);
        assertThat(restarted.open()).extracting(WechatJournal.Entry::key).containsExactly("wx1:m:1");
        long next = restarted.question("wx1", text("open-1", 3L, "三"), "wx1:m:3");
        assertThat(next).isGreaterThan(1);
        assertThat(new WechatJournal(file).open()).extracting(WechatJournal.Entry::key).containsExactly("wx1:m:1", "wx1:m:3");
    }

    @Test
    void theFileIsReadableByTheInstancesUserOnly() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        new WechatJournal(file).question("wx1", text("open-1", 1L, "一"), "wx1:m:1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
