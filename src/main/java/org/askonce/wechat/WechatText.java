package org.askonce.wechat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as WeChat can take it: characters XML 1.0 cannot carry are removed and {@code ]]>} is
 * neutralised (WxJava writes text into CDATA without escaping, so a {@code ]]>} in an answer would
 * end the CDATA and break the reply), and a text longer than WeChat's 2,048 bytes is split at line
 * ends into parts, each saying how many follow and how to get the next ("更多"), so nothing is cut.
 */
final class WechatText {

    /** WeChat's limit for a text message is 2,048 bytes; parts stay below it with room to spare. */
    static final int MAX_BYTES = 2000;
    static final String MORE = "更多";

    private WechatText() {
    }

    /** The text with only characters XML 1.0 allows and no CDATA terminator. */
    static String sanitise(String text) {
        if (text == null) {
            return "";
        }
        if (alreadyClean(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean loneSurrogate = width == 1 && Character.isSurrogate(text.charAt(i));
            if (!loneSurrogate && (cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000) && !(cp >= 0x7F && cp <= 0x9F)) {
                sb.appendCodePoint(cp);
            }
            i += width;
        }
        return sb.toString().replace("]]>", "]]＞");
    }

    /** Most replies need no change: one pass without allocating tells (any surrogate takes the careful path). */
    private static boolean alreadyClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 ? !(c >= 0x7F && c <= 0x9F) && !Character.isSurrogate(c) && c < 0xFFFE
                    : c == '\t' || c == '\n' || c == '\r';
            if (!allowed) {
                return false;
            }
        }
        return !text.contains("]]>");
    }

    /**
     * The passive text reply, in the XML WeChat documents for it (the same WxJava's
     * {@code WxMpXmlOutMessage.TEXT()} writes, without the XStream pass, which costs as much as
     * parsing the message). Every value is sanitised, so none can end its CDATA section.
     */
    static String replyXml(String toUser, String fromUser, long createTime, String content) {
        return "<xml><ToUserName><![CDATA[" + sanitise(toUser) + "]]></ToUserName><FromUserName><![CDATA[" + sanitise(fromUser)
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + sanitise(content) + "]]></Content></xml>";
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The sanitised text in parts of at most {@link #MAX_BYTES} UTF-8 bytes each, every part but
     * the last ending with how to get the next one. One part when it fits.
     */
    static List<String> split(String text) {
        return split(text, WechatText::footer, false);
    }

    /**
     * A message pushed as customer-service messages (客服消息, an agent's reply): WeChat refuses a
     * text over 2,048 bytes (45002 "content size out of limit"), so a longer one goes as several
     * messages, split at line ends, each at most {@link #MAX_BYTES} bytes and numbered
     * ("（第1/3条）") so the citizen reads them in order; all are sent, none waits for "更多". One
     * part, unchanged, when it fits.
     */
    static List<String> pushParts(String text) {
        return split(text, (part, total) -> "\n（第" + part + "/" + total + "条）", true);
    }

    private static List<String> split(String text, java.util.function.BiFunction<Integer, Integer, String> footer, boolean lastToo) {
        String clean = sanitise(text);
        if (bytes(clean) <= MAX_BYTES) {
            return List.of(clean);
        }
        int room = MAX_BYTES - bytes(footer.apply(99, 99));
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : clean.split("\n", -1)) {
            for (String piece : pieces(line, room)) {
                String candidate = current.isEmpty() ? piece : current + "\n" + piece;
                if (bytes(candidate) > room && !current.isEmpty()) {
                    chunks.add(current.toString());
                    current = new StringBuilder(piece);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        List<String> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            parts.add(i < chunks.size() - 1 || lastToo ? chunks.get(i) + footer.apply(i + 1, chunks.size()) : chunks.get(i));
        }
        return parts;
    }

    private static String footer(int part, int total) {
        return "\n（第" + part + "/" + total + "部分，回复“" + MORE + "”查看下一部分）";
    }

    /** A line cut into pieces of at most {@code room} bytes, at code point boundaries. */
    private static List<String> pieces(String line, int room) {
        if (bytes(line) <= room) {
            return List.of(line);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > room) {
                pieces.add(sb.toString());
                sb.setLength(0);
                used = 0;
            }
            sb.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        pieces.add(sb.toString());
        return pieces;
    }
}
