package org.askonce.knowledge.audit;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.knowledge.ServiceItem;

/**
 * The text rules of the knowledge audit: what counts as a placeholder, a plausible phone number, a
 * well-formed link, and what an FAQ answer states (phone numbers, working days, fees). Lenient on
 * purpose: a finding should be worth an editor's minute.
 */
final class AuditRules {

    private AuditRules() {
    }

    /** True for null, blank and placeholders such as 无, 暂无, -, /, 待定, null, N/A ({@link ServiceItem#isGap}). */
    static boolean isPlaceholder(String value) {
        return ServiceItem.isGap(value);
    }

    /** How a missing or placeholder value reads in a finding: 为空, or 为占位值“无”. */
    static String describeGap(String value) {
        return value == null || value.strip().isEmpty() ? "为空" : "为占位值“" + value.strip() + "”";
    }

    // ---- phones ----

    /** Digit runs that may hold a phone number: digits with dashes, brackets or spaces inside. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?[0-9][0-9\\-－—()（）\\s]*[0-9]|[0-9]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** 0 + area code (010, 02x or a 3-digit code) + a 7- or 8-digit number not starting with 0 or 1. */
    private static final Pattern LANDLINE = Pattern.compile("0(?:10|2\\d|[3-9]\\d{2})[2-9]\\d{6,7}");
    private static final Pattern LOCAL = Pattern.compile("[2-9]\\d{6,7}");
    /** Government hotlines (12345, 12315, 12333, 12366…) and 110/119/120/122, with or without an area code (0571-12345). */
    private static final Pattern HOTLINE = Pattern.compile("(?:0(?:10|2\\d|[3-9]\\d{2}))?(?:12\\d{3})|11[09]|12[02]");
    /** Service numbers: 400/800 + 7 digits, 95xxx(x) and 96xxx(x), with or without an area code (020-95598, 0571-96225). */
    private static final Pattern SERVICE = Pattern.compile("[48]00\\d{7}|(?:0(?:10|2\\d|[3-9]\\d{2}))?9[56]\\d{3,4}");
    private static final Pattern EXTENSION = Pattern.compile("(.*\\d)\\s*[-－—转]\\s*(\\d{1,6})");

    /** What a phone-like run is. */
    enum PhoneKind { MOBILE, LANDLINE, HOTLINE, SERVICE, NO_AREA_CODE, INVALID }

    /** One number as written and what it is. */
    record Phone(String written, String digits, PhoneKind kind) {

        boolean valid() {
            return kind != PhoneKind.INVALID && kind != PhoneKind.NO_AREA_CODE;
        }
    }

    /**
     * The phone-like runs in a text, each classified. A run with two numbers separated by a space is
     * split; runs of fewer than 5 digits (times such as 08:30, the 1 of 转1) are left out unless there
     * is nothing longer; a number without area code after one with it shares its area code
     * (020-86351219、86351130).
     */
    static List<Phone> phones(String text) {
        List<String> runs = new ArrayList<>();
        if (text == null) {
            return List.of();
        }
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            if (partOfAWord(text, m.start(), m.end()) || text.substring(Math.max(0, m.start() - 6), m.start()).contains("邮")) {
                continue; // an e-mail address, a QQ or WeChat id, a link, a postcode (邮编 510030)
            }
            String run = m.group().strip();
            String[] pieces = run.split("\\s+");
            boolean severalNumbers = pieces.length > 1;
            for (String p : pieces) {
                severalNumbers &= digits(p).length() >= 7;
            }
            runs.addAll(severalNumbers ? List.of(pieces) : List.of(run));
        }
        boolean anyLong = runs.stream().anyMatch(r -> digits(r).length() >= 5);
        List<Phone> out = new ArrayList<>();
        String areaCode = null;
        for (String run : runs) {
            if (anyLong && digits(run).length() < 5) {
                continue;
            }
            Phone phone = classify(run);
            if (phone.kind() == PhoneKind.LANDLINE) {
                Matcher area = AREA_CODE_AND_NUMBER.matcher(phone.digits());
                areaCode = area.matches() ? phone.digits().substring(0, phone.digits().length() - area.group(1).length()) : areaCode;
            } else if (phone.kind() == PhoneKind.NO_AREA_CODE && areaCode != null) {
                phone = new Phone(run, areaCode + phone.digits(), PhoneKind.LANDLINE);
            }
            out.add(phone);
        }
        return out;
    }

    private static boolean partOfAWord(String text, int start, int end) {
        String glue = "@_.=?&#%";
        boolean before = start > 0 && (isAsciiLetter(text.charAt(start - 1)) || glue.indexOf(text.charAt(start - 1)) >= 0);
        boolean after = end < text.length() && (isAsciiLetter(text.charAt(end)) || "@_=?&#%".indexOf(text.charAt(end)) >= 0);
        return before || after;
    }

    private static boolean isAsciiLetter(char c) {
        return c < 128 && Character.isLetter(c);
    }

    /** Classifies a run; a trailing extension or menu path (-801, 转2, 12333-9-0) is dropped if what is left is a number. */
    static Phone classify(String written) {
        PhoneKind kind = kind(digits(written));
        String rest = written;
        Matcher ext;
        while (kind == PhoneKind.INVALID && (ext = EXTENSION.matcher(rest)).matches()) {
            rest = ext.group(1);
            PhoneKind withoutExtension = kind(digits(rest));
            if (withoutExtension == PhoneKind.LANDLINE || withoutExtension == PhoneKind.SERVICE || withoutExtension == PhoneKind.HOTLINE) {
                return new Phone(written, digits(rest), withoutExtension);
            }
        }
        return new Phone(written, digits(written), kind);
    }

    private static PhoneKind kind(String digits) {
        String d = digits;
        boolean international = false;
        if (d.startsWith("0086")) {
            d = d.substring(4);
            international = true;
        } else if (d.startsWith("86") && d.length() >= 11) {
            d = d.substring(2);
            international = true;
        }
        if (international && !d.startsWith("0") && !MOBILE.matcher(d).matches()) {
            d = "0" + d; // +86 571 8728 0110 drops the trunk 0
        }
        if (MOBILE.matcher(d).matches()) {
            return PhoneKind.MOBILE;
        }
        if (LANDLINE.matcher(d).matches()) {
            return PhoneKind.LANDLINE;
        }
        if (HOTLINE.matcher(d).matches()) {
            return PhoneKind.HOTLINE;
        }
        if (SERVICE.matcher(d).matches()) {
            return PhoneKind.SERVICE;
        }
        if (LOCAL.matcher(d).matches()) {
            return PhoneKind.NO_AREA_CODE;
        }
        return PhoneKind.INVALID;
    }

    static String digits(String s) {
        return s.replaceAll("\\D", "");
    }

    /**
     * Why a (non-placeholder) phone field does not look like phone numbers, or null if it does. Every
     * number in it must be a mobile, a landline with area code, a hotline or a service number.
     */
    static String phoneProblem(String value) {
        List<Phone> phones = phones(value);
        if (phones.isEmpty()) {
            return "没有号码";
        }
        for (Phone p : phones) {
            if (p.kind() == PhoneKind.NO_AREA_CODE) {
                return "“" + p.written() + "”缺少区号";
            }
            if (p.kind() == PhoneKind.INVALID) {
                return "“" + p.written() + "”不是有效的电话号码";
            }
        }
        return null;
    }

    private static final Pattern AREA_CODE_AND_NUMBER = Pattern.compile("0(?:10|2\\d|[3-9]\\d{2})(\\d{5,8})");

    /** The same number written with or without area code compares equal: 0571-87280110 as 87280110, 0571-12333 as 12333. */
    static String comparable(Phone phone) {
        String d = phone.digits();
        if (phone.kind() != PhoneKind.MOBILE && !d.startsWith("400") && !d.startsWith("800")) {
            Matcher m = AREA_CODE_AND_NUMBER.matcher(d);
            return m.matches() ? m.group(1) : d;
        }
        return d;
    }

    /** 12345 and its siblings: the answer naming them never contradicts an item. */
    private static final Pattern GENERIC_HOTLINE = Pattern.compile("12345|110|119|120|122");

    /** Phone numbers an FAQ answer states: mobiles, landlines with area code, 123xx hotlines, 400/800 numbers. */
    static List<Phone> statedPhones(String answer) {
        List<Phone> out = new ArrayList<>();
        if (answer == null) {
            return out;
        }
        Matcher m = DIGIT_RUN.matcher(answer);
        while (m.find()) {
            String after = answer.substring(m.end(), Math.min(answer.length(), m.end() + 1));
            if (!after.isEmpty() && "元万人个次年月日号岁天份平米%".contains(after)) {
                continue; // an amount, a date, a count
            }
            for (Phone p : phones(m.group())) {
                boolean hotline = p.kind() == PhoneKind.HOTLINE && comparable(p).startsWith("123");
                if (p.kind() == PhoneKind.MOBILE || p.kind() == PhoneKind.LANDLINE || hotline
                        || (p.kind() == PhoneKind.SERVICE && p.digits().length() >= 9)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    static boolean isGenericHotline(Phone phone) {
        return GENERIC_HOTLINE.matcher(comparable(phone)).matches();
    }

    // ---- links ----

    /** Why a (non-placeholder) link is malformed, or null if it parses as an http(s) link with a host. */
    static String linkProblem(String value) {
        String s = value.strip();
        if (s.codePoints().anyMatch(c -> Character.isWhitespace(c) || c == '\u3000')) {
            return "含空格";
        }
        URI uri;
        try {
            uri = new URI(encodeNonAscii(s));
        } catch (URISyntaxException e) {
            return "无法解析";
        }
        if (uri.getScheme() == null) {
            return "缺少 http:// 或 https:// 前缀";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "不是 http(s) 链接";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return "没有主机名";
        }
        if (!host.contains(".") && !host.equalsIgnoreCase("localhost") || host.startsWith(".") || host.endsWith(".")
                || host.contains("..")) {
            return "主机名“" + host + "”不完整";
        }
        return null;
    }

    /** Chinese in a query string is common and harmless: percent-encode it before parsing. */
    private static String encodeNonAscii(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            if (b < 0) {
                sb.append('%').append(String.format("%02X", b & 0xff));
            } else {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    // ---- what an answer states ----

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,3}|[一二两三四五六七八九十]{1,3})\\s*个?工作日(?!前)");

    /**
     * The numbers of working days a text states ("5个工作日", "十五个工作日"). A deadline before
     * something ("届满30个工作日前申请延续") is not a time limit and is left out.
     */
    static List<Integer> workingDays(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORKING_DAYS.matcher(text);
        while (m.find()) {
            Integer n = number(m.group(1));
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** 1–99 in digits or Chinese numerals (五, 十五, 二十, 三十五). */
    static Integer number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(s);
        }
        String digits = "零一二三四五六七八九";
        String t = s.replace('两', '二');
        int ten = t.indexOf('十');
        if (ten < 0) {
            return t.length() == 1 ? digits.indexOf(t.charAt(0)) : null;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(t.charAt(0));
        int ones = ten == t.length() - 1 ? 0 : digits.indexOf(t.charAt(ten + 1));
        return tens < 0 || ones < 0 || ten > 1 ? null : tens * 10 + ones;
    }

    /** Says the item costs nothing (免费 of a delivery, a photo or parking does not count). */
    private static final Pattern FREE = Pattern.compile(
            "不收费|不收取(任何)?费用|免收|无需缴费|无须缴费|无需(缴纳|支付)(任何)?费用|不需要(交|缴)费|不用(交|缴)费"
                    + "|免费(?!邮寄|寄|快递|送达|停车|拍照|照相|复印|打印|咨询|提供|乘|WiFi|wifi)");
    /** Names a fee: a fee word and then, close by, an amount in 元. */
    private static final Pattern FEE_AMOUNT = Pattern.compile(
            "(收费|收取|费用|工本费|手续费|登记费|缴纳|缴费|交费|每证|每张|每本|每件)[^。；;！!？?\\n]{0,12}?(\\d+(?:\\.\\d+)?)\\s*元");

    static boolean saysFree(String text) {
        return text != null && FREE.matcher(text).find();
    }

    /** The first fee amount a text names ("工本费20元" → "20元"), or null. */
    static String namedFee(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FEE_AMOUNT.matcher(text);
        return m.find() ? m.group(2) + "元" : null;
    }
}
