package org.askonce.knowledge.transfer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.askonce.knowledge.ServiceItem;

/**
 * What a clerk checks in a cell of an imported spreadsheet, one rule a method; each returns what is
 * wrong, in Chinese, or empty when the value is fine. An empty cell or a placeholder (无, 暂无) is a
 * gap, not a mistake: the audit lists gaps.
 *
 * <ul>
 *   <li>Phone numbers as mainland China writes them: mobiles ({@code 13812345678}), landlines with an
 *       area code ({@code 0571-87654321}, {@code (0571)87654321}), optionally an extension
 *       ({@code 转8001}, {@code -8001}), 5-digit service hotlines ({@code 12345}, {@code 0571-12333},
 *       {@code 96225}), 400/800 numbers, with menu keys ({@code 020-12333-9-0}). Several may share a
 *       cell, with words around them (电话：…，受理时间…), as catalogues write them. A 4-digit number, or a
 *       9-digit local number, is refused.</li>
 *   <li>Links: http or https with a host.</li>
 *   <li>Counts: whole numbers, not negative (or at least a minimum).</li>
 * </ul>
 */
final class CellRules {

    private static final Pattern TOKEN = Pattern.compile("\\d+(?:(?:-+|转)\\d+)*");
    private static final Pattern GROUP_SEPARATOR = Pattern.compile("-+|转");
    private static final String PHONE_HINT = "手机号 11 位；固定电话带区号，如 0571-87654321；服务热线如 12345";

    private CellRules() {
    }

    /**
     * A phone cell. Each number in it — a run of digits joined by hyphens or 转 — must be a mobile, a
     * landline (area code optional), a 5-digit hotline or a 400/800 number, followed by any extension
     * or menu keys ({@code 020-12333-9-0}); words around the numbers (电话：, 受理时间…) are allowed.
     * Refused: a cell without a valid number ({@code 1234}), or with a number of five digits or more
     * that is not one ({@code 020-327605405}); shorter digit runs beside a valid number are times or
     * room numbers, not phones.
     */
    static Optional<String> phone(String value) {
        if (ServiceItem.isGap(value)) {
            return Optional.empty();
        }
        String normalised = value.strip()
                .replaceAll("[（(]\\s*(0\\d{2,3})\\s*[)）]\\s*", "$1-")
                .replaceAll("\\s*(转|分机|ext\\.?|EXT\\.?|#)\\s*(?=\\d)", "转")
                .replaceAll("[－–—]", "-")
                .replaceAll("(?<!\\d)(0\\d{2,3})\\s*-\\s*", "$1-")
                .replaceAll("(?<!\\d)(0\\d{2,3})\\s+(?=\\d{5,8}(?!\\d))", "$1-");
        var tokens = TOKEN.matcher(normalised);
        String first = null;
        String firstBad = null;
        boolean valid = false;
        while (tokens.find()) {
            String token = tokens.group();
            first = first == null ? token : first;
            if (isPhoneNumber(token)) {
                valid = true;
            } else if (token.replaceAll("\\D", "").length() >= 5 && firstBad == null) {
                firstBad = token;
            }
        }
        if (firstBad != null || (!valid && first != null)) {
            return Optional.of("“" + (firstBad != null ? firstBad : first) + "”不是有效的电话号码（" + PHONE_HINT + "）");
        }
        if (!valid) {
            return Optional.of("“" + value.strip() + "”里没有电话号码（" + PHONE_HINT + "）");
        }
        return Optional.empty();
    }

    /** One number: its leading groups a phone number, any further groups an extension or menu keys (1–6 digits each). */
    private static boolean isPhoneNumber(String token) {
        String[] g = GROUP_SEPARATOR.split(token);
        int used;
        if (g.length >= 2 && g[0].matches("0\\d{2,3}") && g[1].matches("[2-9]\\d{6,7}|[19]\\d{4}")) {
            used = 2; // area code and a local number or a hotline: 020-34121084, 0571-12333
        } else if (g[0].matches("0\\d{9,11}|1[3-9]\\d{9}|[2-9]\\d{6,7}|[19]\\d{4}|[48]00\\d{7}")) {
            used = 1; // area code written together, a mobile, a local number, a hotline, 4008001234
        } else if (g.length >= 3 && g[0].matches("[48]00") && (g[1] + g[2]).matches("\\d{7}")) {
            used = 3; // 400-7000-690
        } else {
            return false;
        }
        for (int i = used; i < g.length; i++) {
            if (!g[i].matches("\\d{1,6}")) {
                return false;
            }
        }
        return true;
    }

    /** A link: http:// or https:// with a host. */
    static Optional<String> url(String value) {
        if (ServiceItem.isGap(value)) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getHost().contains(".")) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        return Optional.of("应为以 http:// 或 https:// 开头的完整网址，现在是“" + v + "”");
    }

    /** A whole number of at least {@code min} (and at most {@code max}, when not null), or the reason it is not one. */
    static Optional<String> count(String value, int min, Integer max) {
        String v = value.strip();
        if (!v.matches("-?\\d+")) {
            return Optional.of("应为整数" + range(min, max) + "，现在是“" + v + "”");
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            return Optional.of("数字太大：“" + v + "”");
        }
        if (n < min || (max != null && n > max)) {
            return Optional.of("应为整数" + range(min, max) + "，现在是 " + v);
        }
        return Optional.empty();
    }

    private static String range(int min, Integer max) {
        if (max != null) {
            return "（" + min + " 到 " + max + "）";
        }
        return min == 0 ? "（0 或更大）" : "（至少 " + min + "）";
    }
}
