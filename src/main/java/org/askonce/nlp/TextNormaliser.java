package org.askonce.nlp;

import java.text.Normalizer;
import java.util.Map;

/**
 * The one way citizens' text is cleaned, wherever it is read: the NLP pipeline's first step, short
 * replies such as ratings (满意、1), 不用了 and 更多, on every channel. "１２３" → "123", "①" → "1",
 * "🉑以网上办吗" → "可以网上办吗", "满意！！" → "满意".
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    /** Emoji that stand for a word in citizens' messages ("🉑以网上办吗", "🐶证"); other emoji are dropped. */
    private static final Map<Integer, String> EMOJI_WORDS = Map.of(0x1F251, "可", 0x1F436, "狗", 0x1F415, "狗", 0x1F697, "车",
            0x1F3E0, "房", 0x1F476, "宝宝", 0x1F4B0, "钱", 0x1F4DE, "电话", 0x260E, "电话", 0x1F6AB, "不");

    /**
     * The text with full-width and compatibility forms folded (NFKC), ASCII in lower case, emoji that
     * stand for a word replaced by it, other emoji and symbols dropped, punctuation and runs of white
     * space folded to one space, trimmed.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder words = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            String word = EMOJI_WORDS.get(cp);
            if (word != null) {
                words.append(word);
            } else {
                words.appendCodePoint(cp);
            }
        });
        String text = Normalizer.normalize(words, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp < 128 ? Character.toLowerCase(cp) : cp);
                space = false;
            } else if (!space && (Character.isWhitespace(cp) || isPunctuation(cp))) {
                out.append(' ');
                space = true;
            }
            // everything else (emoji, symbols, variation selectors, control characters) is dropped
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL -> true;
            default -> false;
        };
    }

    /** {@link #normalise} without any space: how a short reply is compared with the words it may be ("满 意 !" → "满意"). */
    public static String compact(String raw) {
        return normalise(raw).replace(" ", "");
    }
}
