package org.askonce.dialogue;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a menu choice: "2", "第二个", "选3", "就第一项吧", "最后一个". */
final class Choices {

    private static final Pattern CHOICE = Pattern.compile(
            "^(?:就|我)?(?:选|选择|要|是)?\\s*第?\\s*([0-9]{1,2}|[一二两三四五六七八九十])\\s*(?:个|项|条|号|种|款)?\\s*(?:吧|吗|的|啊|呀|那个)?$");
    private static final String DIGITS = "一二三四五六七八九十";

    private Choices() {
    }

    static OptionalInt parse(String normalised, int options) {
        String text = normalised.replace(" ", "");
        if (text.matches("^(?:就|选)?最后一(?:个|项|条)?(?:吧)?$")) {
            return OptionalInt.of(options);
        }
        Matcher m = CHOICE.matcher(text);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        String n = m.group(1);
        int value = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : (n.equals("两") ? 2 : DIGITS.indexOf(n) + 1);
        return value >= 1 && value <= options ? OptionalInt.of(value) : OptionalInt.empty();
    }
}
