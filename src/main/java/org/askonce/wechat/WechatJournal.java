package org.askonce.wechat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.askonce.knowledge.Mappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat messages this instance could not answer because the database did not answer, kept until
 * they are: an append-only file in the instance's data directory ({@code askonce.wechat.journal}),
 * one JSON line per entry, forced to disk before WeChat is told anything. An entry is a question
 * (the message, answered through the channel like any other once the database is back, the answer
 * pushed) or a push (an answer that was ready but could not be queued in the outbox). A {@code done}
 * line closes an entry; the file is emptied once every entry is closed, and a restarted instance
 * reads what is still open. The file holds citizens' messages: it is readable by the instance's
 * user only, and they leave it as soon as they are answered.
 */
final class WechatJournal {

    private static final Logger log = LoggerFactory.getLogger(WechatJournal.class);
    private static final ObjectMapper JSON = Mappers.json().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** What an entry asks for. */
    enum Kind { QUESTION, PUSH }

    /**
     * One line: an entry ({@code kind} set) or the close of entry {@code done}. A question carries
     * the message's fields in {@code message}; a push its {@code text}.
     */
    record Line(Long seq, Kind kind, String at, String appId, String openId, String key, Map<String, String> message,
                String text, Long done) {
    }

    /** An open entry. */
    record Entry(long seq, Kind kind, Instant at, String appId, String openId, String key, Map<String, String> message,
                 String text) {

        /** The journaled message as WxJava gives it. */
        WxMpXmlMessage toMessage() {
            WxMpXmlMessage m = new WxMpXmlMessage();
            m.setFromUser(message.get("from"));
            m.setToUser(message.get("to"));
            m.setMsgType(message.get("type"));
            m.setContent(message.get("content"));
            m.setRecognition(message.get("recognition"));
            m.setEvent(message.get("event"));
            m.setEventKey(message.get("eventKey"));
            m.setLabel(message.get("label"));
            if (message.get("msgId") != null) {
                m.setMsgId(Long.valueOf(message.get("msgId")));
            }
            if (message.get("createTime") != null) {
                m.setCreateTime(Long.valueOf(message.get("createTime")));
            }
            return m;
        }
    }

    private final Path file;
    private final Map<Long, Entry> open = new LinkedHashMap<>();
    private FileChannel channel;
    private long nextSeq = 1;

    /** Opens the journal, reading what a previous run left open; nothing is created until something is journaled. */
    WechatJournal(Path file) {
        this.file = file.toAbsolutePath().normalize();
        if (Files.exists(this.file)) {
            read();
        }
    }

    Path file() {
        return file;
    }

    /** Journals a message that could not be answered. */
    synchronized long question(String appId, WxMpXmlMessage m, String key) {
        Map<String, String> message = new LinkedHashMap<>();
        put(message, "from", m.getFromUser());
        put(message, "to", m.getToUser());
        put(message, "type", m.getMsgType());
        put(message, "content", m.getContent());
        put(message, "recognition", m.getRecognition());
        put(message, "event", m.getEvent());
        put(message, "eventKey", m.getEventKey());
        put(message, "label", m.getLabel());
        put(message, "msgId", m.getMsgId() == null ? null : m.getMsgId().toString());
        put(message, "createTime", m.getCreateTime() == null ? null : m.getCreateTime().toString());
        return append(new Entry(nextSeq, Kind.QUESTION, Instant.now(), appId, m.getFromUser(), key, message, null));
    }

    /** Journals an answer that could not be queued in the outbox. */
    synchronized long push(String appId, String openId, String text, String key) {
        return append(new Entry(nextSeq, Kind.PUSH, Instant.now(), appId, openId, key, null, text));
    }

    /** The open entries, oldest first. */
    synchronized List<Entry> open() {
        return List.copyOf(open.values());
    }

    synchronized boolean isEmpty() {
        return open.isEmpty();
    }

    /** Closes an entry; the file is emptied once none is open. */
    synchronized void done(long seq) {
        if (open.remove(seq) == null) {
            return;
        }
        try {
            if (open.isEmpty()) {
                channel().truncate(0);
                channel().force(true);
            } else {
                write(new Line(null, null, null, null, null, null, null, null, seq));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the WeChat journal " + file, e);
        }
    }

    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            channel = null;
        }
    }

    private long append(Entry e) {
        try {
            write(new Line(e.seq(), e.kind(), e.at().toString(), e.appId(), e.openId(), e.key(), e.message(), e.text(), null));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the WeChat journal " + file, ex);
        }
        if (open.isEmpty()) {
            log.info("WeChat journal: messages are kept in {} until the database answers", file);
        }
        open.put(e.seq(), e);
        nextSeq = e.seq() + 1;
        return e.seq();
    }

    private void write(Line line) throws IOException {
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        FileChannel c = channel();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            c.write(buffer);
        }
        c.force(false);
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                create(file);
            }
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        return channel;
    }

    private static void create(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // not a POSIX file system
        }
    }

    /** Reads the open entries; a line that cannot be read (the last one, cut short by a crash) is skipped. */
    private void read() {
        int unreadable = 0;
        int closed = 0;
        try {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (text.isBlank()) {
                    continue;
                }
                Line line;
                try {
                    line = JSON.readValue(text, Line.class);
                } catch (JsonProcessingException e) {
                    unreadable++;
                    continue;
                }
                if (line.done() != null) {
                    open.remove(line.done());
                    closed++;
                } else if (line.seq() != null && line.kind() != null) {
                    open.put(line.seq(), new Entry(line.seq(), line.kind(), Instant.parse(line.at()), line.appId(), line.openId(),
                            line.key(), line.message(), line.text()));
                    nextSeq = Math.max(nextSeq, line.seq() + 1);
                } else {
                    unreadable++;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the WeChat journal " + file + ": " + e.getMessage(), e);
        }
        if (unreadable > 0) {
            log.warn("WeChat journal {}: {} unreadable line(s) skipped", file, unreadable);
        }
        if (closed > 0 || unreadable > 0) {
            rewrite();
        }
        log.info("WeChat journal {}: {} message(s) still to be answered", file, open.size());
    }

    /** Writes the open entries alone to a new file and puts it in place of the old one. */
    private void rewrite() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            create(tmp);
            List<String> lines = new ArrayList<>();
            for (Entry e : open.values()) {
                lines.add(JSON.writeValueAsString(new Line(e.seq(), e.kind(), e.at().toString(), e.appId(), e.openId(), e.key(),
                        e.message(), e.text(), null)));
            }
            Files.write(tmp, lines, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the WeChat journal " + file, e);
        }
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
