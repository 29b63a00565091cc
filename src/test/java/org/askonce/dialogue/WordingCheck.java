package org.askonce.dialogue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a citizen must never read in a reply: a phrase said twice in a row (a run of three or more
 * Chinese characters immediately repeated, "需提供需提供"), the word "null", a bullet or numbered
 * line with nothing after it, a line that ends in a colon with nothing after it ("· 收费：", "但下列情形除外："
 * and then the end, a blank line or a note in brackets), and brackets that do not pair up —
 * （）()【】「」《》, each closed by its own kind in the right order.
 */
public final class WordingCheck {

    private static final Pattern DOUBLED = Pattern.compile("(\\p{IsHan}{3,})\\1");
    private static final Pattern NULL = Pattern.compile("(?i)(?<![a-z])null(?![a-z])");
    /** A bullet (·, •, -, *) or a number ("1." "1、") and then nothing but punctuation. */
    private static final Pattern EMPTY_BULLET = Pattern.compile("^\\s*(?:[·•*\\-]|\\d+[.、．])[\\s\\p{Punct}。，、；：·]*$");
    private static final Pattern ENDS_WITH_COLON = Pattern.compile(".*[：:]\\s*$");
    /** A line that is a note in brackets as a whole (the sample-data notice), not content after a colon. */
    private static final Pattern NOTE = Pattern.compile("^\\s*（[^（）]*）\\s*$");
    private static final Map<Character, Character> CLOSES = Map.of('）', '（', ')', '(', '】', '【', '」', '「', '》', '《');

    private WordingCheck() {
    }

    /** Everything wrong with the text, each said in a few words with where it is; empty when it reads cleanly. */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        Matcher doubled = DOUBLED.matcher(text);
        while (doubled.find()) {
            problems.add("doubled phrase “" + doubled.group() + "”");
        }
        if (NULL.matcher(text).find()) {
            problems.add("“null” in the text");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String next = i + 1 < lines.length ? lines[i + 1] : "";
            if (EMPTY_BULLET.matcher(lines[i]).matches()) {
                problems.add("empty bullet “" + lines[i] + "”");
            } else if (ENDS_WITH_COLON.matcher(lines[i]).matches() && (next.isBlank() || NOTE.matcher(next).matches())) {
                problems.add("nothing after “" + lines[i] + "”");
            }
        }
        String unbalanced = unbalanced(text);
        if (unbalanced != null) {
            problems.add(unbalanced);
        }
        return problems;
    }

    /** The first bracket that does not pair up, or null when all do. */
    private static String unbalanced(String text) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (CLOSES.containsValue(c)) {
                open.push(i);
            } else if (CLOSES.containsKey(c)) {
                if (open.isEmpty() || text.charAt(open.peek()) != CLOSES.get(c)) {
                    return "unbalanced “" + c + "” at “" + around(text, i) + "”";
                }
                open.pop();
            }
        }
        return open.isEmpty() ? null : "unclosed “" + text.charAt(open.peek()) + "” at “" + around(text, open.peek()) + "”";
    }

    private static String around(String text, int i) {
        return text.substring(Math.max(0, i - 12), Math.min(text.length(), i + 12)).replace('\n', '⏎');
    }
}
