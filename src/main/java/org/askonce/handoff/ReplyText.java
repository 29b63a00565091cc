package org.askonce.handoff;

/**
 * An agent's reply as the citizen sees it. A browser sends a textarea's line breaks as CRLF, so a
 * reply typed with 30 line breaks arrived 30 characters longer than it was typed: here a line break
 * is one character whatever way it was sent, and characters are counted as people see them (code
 * points: an emoji or a rare character outside the BMP is one, not two). The console's counter
 * (console.js) counts the same way.
 */
final class ReplyText {

    private ReplyText() {
    }

    /** The text with CRLF and CR as LF, without surrounding blanks; "" for null. */
    static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The number of characters the citizen sees (code points; a line break is one). */
    static int length(String text) {
        String t = normalise(text);
        return t.codePointCount(0, t.length());
    }
}
