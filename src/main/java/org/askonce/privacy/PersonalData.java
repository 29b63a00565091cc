package org.askonce.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masker of the personal numbers citizens type: what is stored for analytics, learning,
 * exports and logs goes through {@link #mask}. It recognises, in this order:
 * <ol>
 * <li>e-mail addresses: the first character of the name is kept ({@code z***@qq.com});</li>
 * <li>18-digit ID-card numbers (a birth date in the middle, last character a digit or X) and the
 * old 15-digit ones: the region (6 digits) and the last 4 are kept ({@code 330102********1234});</li>
 * <li>bank-card numbers, 16 to 19 digits (run together or in groups of four) that pass the Luhn check:
 * the first 4 and last 4 are kept ({@code 6222 **** **** 7890}). A long number that fails the check (an
 * order or case number, a timestamp) is left as it is, and so is a date range (20240301-20240309);</li>
 * <li>mainland mobile numbers {@code 1[3-9]xxxxxxxxx}, also written 3-4-4 with spaces or dashes and
 * after +86, 86 or 0086 (kept): the first 3 and last 4 are kept ({@code 138****5678});</li>
 * <li>landlines with an area code ({@code 0571-87654321}, {@code (010)12345678}, {@code 02012345678}): the
 * area code and the last 4 are kept ({@code 0571-****4321}); an extension is kept.</li>
 * </ol>
 * Full-width digits, letters, dashes and spaces ("１３８１２３４５６７８") are recognised as well;
 * what is kept stays as typed. A number is only recognised whole: the digits of a longer run of
 * digits are never a phone number. Dates, amounts and other numbers are not touched. Numbers
 * written in Chinese numerals (一三八…) are not recognised.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern ID_CARD = Pattern.compile(
            "(?<![0-9])([1-9][0-9]{5}[ -]?(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[ -]?[0-9]{3}[0-9Xx]"
                    + "|[1-9][0-9]{16}[Xx]"
                    + "|[1-9][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3})(?![0-9])");
    /** 16–19 digits, run together or in groups of four (the last group up to four) separated by a space or dash. */
    private static final Pattern LONG_NUMBER = Pattern.compile(
            "(?<![0-9])([0-9]{16,19}|[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -]?[0-9]{1,3})?)(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9])(?:(?:\\+|00)?86[ -]?|\\(\\+?86\\)[ -]?)?(1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![0-9])(\\(?0(?:[12][0-9]|[3-9][0-9]{2})\\)?[ -]?[0-9]{7,8})(?![0-9])");

    private PersonalData() {
    }

    /** The text with every personal number in it masked; the text itself when there is none (null stays null). */
    public static String mask(String text) {
        if (text == null || !mayHoldNumbers(text)) {
            return text;
        }
        String plain = halfWidth(text);
        List<Span> spans = new ArrayList<>();
        find(EMAIL, plain, spans, m -> true, Kind.EMAIL);
        find(ID_CARD, plain, spans, m -> true, Kind.ID_CARD);
        find(LONG_NUMBER, plain, spans, m -> luhn(m.group(1)), Kind.BANK_CARD);
        find(MOBILE, plain, spans, m -> true, Kind.MOBILE);
        find(LANDLINE, plain, spans, m -> true, Kind.LANDLINE);
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span s : spans) {
            out.append(text, at, s.start()).append(s.kind().mask(text.substring(s.start(), s.end()), plain.substring(s.start(), s.end())));
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Whether the text holds a personal number that {@link #mask} would mask. */
    public static boolean holdsPersonalData(String text) {
        String masked = mask(text);
        return masked != null && !masked.equals(text);
    }

    /**
     * The first mobile or landline number in the text (half-width, as typed otherwise, without +86),
     * so that a person can call back.
     */
    public static Optional<String> phoneIn(String text) {
        if (text == null || !mayHoldNumbers(text)) {
            return Optional.empty();
        }
        String plain = halfWidth(text);
        Matcher mobile = MOBILE.matcher(plain);
        Matcher landline = LANDLINE.matcher(plain);
        boolean m = mobile.find();
        boolean l = landline.find();
        if (m && (!l || mobile.start(1) <= landline.start(1))) {
            return Optional.of(mobile.group(1));
        }
        return l ? Optional.of(landline.group(1)) : Optional.empty();
    }

    // --- names ---

    /**
     * Common single surnames (the Hundred Family Surnames most borne today), without those that are
     * also everyday words before a name (和, 于, 向, 时, 应, 全, 成, 解, 查, 万, 单, 明…).
     */
    private static final String SURNAMES_SINGLE = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易"
            + "乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
            + "房滕屈饶牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇"
            + "桑郎甄丛仲虞敖巩佘池麻苑迟邝";
    private static final String SURNAMES_DOUBLE = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|长孙|宇文|司徒|夏侯|轩辕|端木|独孤|南宫|西门|申屠";
    private static final String SURNAME = "(?:" + SURNAMES_DOUBLE + "|[" + SURNAMES_SINGLE + "])";
    /** Characters that end a name: particles, verbs and pronouns that follow a name in a sentence. */
    private static final String NOT_IN_NAME = "的了是在想要我你他她它们请问吗呢啊吧呀和与及办去来到给从说找打电话号码身份证";
    private static final String NAME_CHAR = "[\\p{IsHan}&&[^" + NOT_IN_NAME + "]]";
    /** "我叫张三", "姓名：张三", "名字是张三": whatever name follows is a name, surname known or not. */
    private static final Pattern NAME_SAID = Pattern.compile(
            "(?:我叫|我名叫|名字叫|名字是|名叫|姓名(?:是|为|叫)?[:： ]*)\\s*(" + NAME_CHAR + "{2,4})");
    /** "我是张三，…", "申请人：张三": a known surname and one or two characters, then the end of the phrase. */
    private static final Pattern NAME_INTRODUCED = Pattern.compile(
            "(?:我是|本人是?|申请人(?:是|[:： ])?|联系人(?:是|[:： ])?|经办人(?:是|[:： ])?|代办人(?:是|[:： ])?)\\s*(" + SURNAME
                    + NAME_CHAR + "{1,2})(?=[\\p{P}\\s]|$|想|要|请|咨询|问)");
    /** "张三先生", "欧阳娜娜女士": a known surname, one or two characters, a title ("王先生" alone names no one). */
    private static final Pattern NAME_TITLED = Pattern.compile("(" + SURNAME + NAME_CHAR + "{1,2})(?=先生|女士|小姐)");
    private static final Pattern DOUBLE_SURNAME = Pattern.compile("^(?:" + SURNAMES_DOUBLE + ")");

    /**
     * The personal names in the text, as a citizen gives them: after "我叫", "姓名", "名字是" (any
     * name), after "我是", "本人", "申请人", "联系人" (a known surname and one or two characters
     * ending the phrase), and before 先生, 女士, 小姐 (a known surname and the given name). A surname
     * alone ("王先生") is no name. Names written without such words are not recognised: there is
     * no name recogniser here, only these patterns.
     */
    public static Set<String> namesIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return names;
        }
        for (Pattern p : List.of(NAME_SAID, NAME_INTRODUCED, NAME_TITLED)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * {@link #mask} and, besides, the personal names {@link #namesIn} finds and the {@code known}
     * names (those a citizen gave elsewhere in the conversation), wherever they occur: the surname is
     * kept, each other character becomes * ({@code 张*}, {@code 欧阳**}). For text that is to be
     * published or shown to others, such as a Q&A drafted from a hand-off.
     */
    public static String maskWithNames(String text, Collection<String> known) {
        String masked = mask(text);
        if (masked == null || masked.isEmpty()) {
            return masked;
        }
        Set<String> names = new LinkedHashSet<>(known == null ? List.of() : known);
        names.addAll(namesIn(masked));
        List<String> longestFirst = new ArrayList<>(names.stream().filter(n -> n != null && n.codePointCount(0, n.length()) >= 2).toList());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : longestFirst) {
            masked = masked.replace(name, maskName(name));
        }
        return masked;
    }

    /** {@link #maskWithNames(String, Collection)} with no names known beforehand. */
    public static String maskWithNames(String text) {
        return maskWithNames(text, List.of());
    }

    /** The name with its surname kept and the other characters as *: 张三 → 张*, 欧阳娜娜 → 欧阳**. */
    static String maskName(String name) {
        int keep = DOUBLE_SURNAME.matcher(name).find() && name.length() > 2 ? 2 : 1;
        return name.substring(0, keep) + "*".repeat(name.codePointCount(keep, name.length()));
    }

    private enum Kind {
        EMAIL, ID_CARD, BANK_CARD, MOBILE, LANDLINE;

        /** The span masked: {@code original} as typed, {@code plain} the same characters half-width. */
        String mask(String original, String plain) {
            return switch (this) {
                case EMAIL -> {
                    int at = plain.indexOf('@');
                    yield original.charAt(0) + "***" + original.substring(at);
                }
                case ID_CARD -> keep(original, plain, 6, 4);
                case BANK_CARD -> keep(original, plain, 4, 4);
                case MOBILE -> keep(original, plain, 3, 4);
                case LANDLINE -> {
                    int digits = 0;
                    int areaEnd = 0; // the area code: 010 and 02x have three digits, the others four
                    int areaDigits = plain.matches("\\(?0[12].*") ? 3 : 4;
                    while (digits < areaDigits) {
                        if (Character.isDigit(plain.charAt(areaEnd))) {
                            digits++;
                        }
                        areaEnd++;
                    }
                    yield original.substring(0, areaEnd) + keep(original.substring(areaEnd), plain.substring(areaEnd), 0, 4);
                }
            };
        }
    }

    private record Span(int start, int end, Kind kind) {
    }

    /** Adds the matches of group 1 that {@code accept} and that do not overlap a span already found. */
    private static void find(Pattern pattern, String plain, List<Span> spans, java.util.function.Predicate<Matcher> accept, Kind kind) {
        Matcher m = pattern.matcher(plain);
        int from = 0;
        while (from < plain.length() && m.find(from)) {
            int start = kind == Kind.EMAIL ? m.start() : m.start(1);
            int end = kind == Kind.EMAIL ? m.end() : m.end(1);
            if (spans.stream().anyMatch(s -> start < s.end() && s.start() < end)) {
                from = m.start() + 1; // overlaps what an earlier kind took: a number may still start further on
            } else {
                if (accept.test(m)) {
                    spans.add(new Span(start, end, kind));
                }
                from = m.end(); // a long number that is not a card is passed over whole
            }
        }
    }

    /** Keeps the first {@code head} and last {@code tail} digits (or X) of a number; the others become *, separators stay. */
    private static String keep(String original, String plain, int head, int tail) {
        int total = 0;
        for (int i = 0; i < plain.length(); i++) {
            if (isDigitOrX(plain.charAt(i))) {
                total++;
            }
        }
        StringBuilder out = new StringBuilder(original.length());
        int n = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (isDigitOrX(c)) {
                out.append(n >= head && n < total - tail ? '*' : original.charAt(i));
                n++;
            } else {
                out.append(original.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean isDigitOrX(char c) {
        return (c >= '0' && c <= '9') || c == 'X' || c == 'x';
    }

    /** The Luhn check of a card number (separators ignored). */
    static boolean luhn(String number) {
        int sum = 0;
        boolean twice = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** Cheap test first: no digit (of any width) and no @, nothing to mask. */
    private static boolean mayHoldNumbers(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19') || c == '@' || c == '\uFF20') {
                return true;
            }
        }
        return false;
    }

    /**
     * The same text with full-width ASCII (digits, letters, + - ( ) @ .) and the ideographic space
     * half-width and dashes as '-', character for character, so that positions stay the same.
     */
    private static String halfWidth(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                chars[i] = ' ';
            } else if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212') {
                chars[i] = '-';
            }
        }
        return new String(chars);
    }
}
