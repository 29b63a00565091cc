package org.askonce.knowledge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a clerk checks in a cell of an imported spreadsheet, one rule a method; each returns what is
 * wrong, in Chinese, or empty when the value is fine. An empty cell or a placeholder (无, 暂无) is a
 * gap, not a mistake: the audit lists gaps.
 *
 * <ul>
 *   <li>Phone numbers as mainland China writes them: mobiles ({@code 13812345678}), landlines with an
 *       area code ({@code 0571-87654321}, {@code (0571)87654321}), optionally an extension
 *       ({@code 转8001}, {@code -8001}), 5-digit service hotlines ({@code 12345}, {@code 0571-12333},
 *       {@code 96225}), 400/800 numbers. Several in one cell are separated by 、 ， ； or /. A 4-digit
 *       number is refused.</li>
 *   <li>Links: http or https with a host.</li>
 *   <li>Counts: whole numbers, not negative (or at least a minimum).</li>
 * </ul>
 */
final class CellRules {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3}-?)?[2-9]\\d{6,7}((转|-)\\d{1,6})?");
    private static final Pattern HOTLINE = Pattern.compile("(0\\d{2,3}-?)?(1\\d{4}|9\\d{4})((转|-)\\d{1,6})?");
    private static final Pattern FREE_CALL = Pattern.compile("[48]00-?\\d{3}-?\\d{4}((转|-)\\d{1,6})?");
    private static final Pattern SEPARATORS = Pattern.compile("[、，,；;/／\\s]+");
    private static final String PHONE_HINT = "手机号 11 位；固定电话带区号，如 0571-87654321；服务热线如 12345";

    private CellRules() {
    }

    /** A phone cell: one or more numbers, each a mobile, a landline with area code, a hotline or a 400/800 number. */
    static Optional<String> phone(String value) {
        if (ServiceItem.isGap(value)) {
            return Optional.empty();
        }
        String normalised = value.strip()
                .replaceAll("[（(]\\s*(0\\d{2,3})\\s*[)）]\\s*", "$1-")
                .replaceAll("\\s*(转|分机|ext\\.?|EXT\\.?|#)\\s*", "转")
                .replace('－', '-').replace('—', '-')
                .replaceAll("(?<!\\d)(0\\d{2,3})\\s*-\\s*", "$1-")
                .replaceAll("(?<!\\d)(0\\d{2,3})\\s+([2-9]\\d{6,7}|1\\d{4}|9\\d{4})(?!\\d)", "$1-$2");
        for (String number : SEPARATORS.split(normalised)) {
            String n = number.strip();
            if (n.isEmpty()) {
                continue;
            }
            if (!(MOBILE.matcher(n).matches() || LANDLINE.matcher(n).matches() || HOTLINE.matcher(n).matches()
                    || FREE_CALL.matcher(n).matches())) {
                return Optional.of("“" + n + "”不是有效的电话号码（" + PHONE_HINT + "）");
            }
        }
        return Optional.empty();
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
