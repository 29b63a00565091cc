package org.askonce.knowledge.transfer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The typing slips of a published catalogue, put right as it is imported, so that citizens do not
 * read them in every answer: a phrase typed twice ("科学传播科学传播活动查询"); in a text whose
 * brackets do not pair up, brackets of two widths ("(详见填报需知）" → "（详见填报需知）"), list
 * numbers with only a closing bracket ("1）", "a)" → "（1）", "（a）") and a closing bracket with no
 * opening one; and a link parameter that is the string "null" (an empty session token the portal
 * wrote into its links). Nothing else is changed: words, numbers and order stay as published, and a
 * text whose brackets pair up keeps them as they are ("保安员证核发(初次申领保安员证)").
 */
final class CatalogueText {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern DOUBLED = Pattern.compile("(\\p{IsHan}{3,})\\1");
    private static final Map<Character, Character> OPENS = Map.of('）', '（', '】', '【', '」', '「', '》', '《');
    /** A list number as catalogues write it before "）": 1, 12, a, 一, 十二. */
    private static final Pattern ENUMERATOR = Pattern.compile("(?:\\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3})");
    /** What may come before a list number: the start, a space, or the punctuation that ends the item before it. */
    private static final Pattern BEFORE_ENUMERATOR = Pattern.compile("[\\s：:；;。，,、]");
    private static final Pattern NULL_PARAMETER = Pattern.compile("(?<=[?&])[A-Za-z0-9_.-]+=null(?:&|$)");

    private CatalogueText() {
    }

    /** The text with its typing slips put right (null stays null). */
    static String tidy(String text) {
        if (text == null || !HAN.matcher(text).find()) {
            return text;
        }
        String s = text;
        String once;
        while (!(once = DOUBLED.matcher(s).replaceAll("$1")).equals(s)) {
            s = once;
        }
        return balanced(s) ? s : balance(s.replace('(', '（').replace(')', '）'));
    }

    /** True when every bracket is closed by its own kind, in order (then the text is left as published). */
    private static boolean balanced(String s) {
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || OPENS.containsValue(c)) {
                open.push(c);
            } else if (c == ')' || OPENS.containsKey(c)) {
                if (open.isEmpty() || open.pop() != (c == ')' ? '(' : OPENS.get(c).charValue())) {
                    return false;
                }
            }
        }
        return open.isEmpty();
    }

    /** The link without parameters whose value is the string "null" (null stays null). */
    static String link(String url) {
        if (url == null) {
            return null;
        }
        String s = url;
        String once;
        while (!(once = NULL_PARAMETER.matcher(s).replaceAll("")).equals(s)) {
            s = once;
        }
        return s.replaceAll("[?&]$", "");
    }

    /** A closing bracket with no opening one: after a list number, the number is bracketed; otherwise it goes. */
    private static String balance(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (OPENS.containsValue(c)) {
                open.push(c);
            } else if (OPENS.containsKey(c)) {
                if (!open.isEmpty() && open.peek().equals(OPENS.get(c))) {
                    open.pop();
                } else {
                    int start = enumeratorBefore(out);
                    if (start < 0) {
                        continue; // a stray closing bracket: left out
                    }
                    out.insert(start, OPENS.get(c));
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Where a list number ends the text so far (at its start or after a space or punctuation), or -1. */
    private static int enumeratorBefore(CharSequence s) {
        for (int length = 1; length <= 3 && length <= s.length(); length++) {
            int start = s.length() - length;
            boolean boundary = start == 0 || BEFORE_ENUMERATOR.matcher(String.valueOf(s.charAt(start - 1))).matches();
            if (boundary && ENUMERATOR.matcher(s.subSequence(start, s.length())).matches()) {
                return start;
            }
        }
        return -1;
    }
}
