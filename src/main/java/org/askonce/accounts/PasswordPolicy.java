package org.askonce.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new or changed staff password must be, in the order it is checked: at least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes (bcrypt reads no more), not one
 * character repeated, not containing the username (ignoring case), and not one of the 10,000 most
 * common passwords ({@code accounts/common-passwords.txt}, see the README beside it), ignoring case,
 * nor one of them followed only by digits and symbols ({@code password2024!}). A refusal is an
 * {@link IllegalArgumentException} whose Chinese message says which rule.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt looks at the first 72 bytes only; Spring Security refuses longer passwords. */
    static final int MAX_BYTES = 72;
    private static final String LIST = "/accounts/common-passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * @throws IllegalArgumentException naming the rule the password breaks
     */
    static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("密码至少 " + MIN_LENGTH + " 个字符");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("密码最长 " + MAX_BYTES + " 个字节（72 个英文字符或 24 个汉字）");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw new IllegalArgumentException("密码不能全是同一个字符");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("密码不能包含用户名");
        }
        if (COMMON.contains(lower)) {
            throw new IllegalArgumentException("这个密码太常见，很容易被猜中，请换一个");
        }
        if (commonWithSuffix(lower)) {
            throw new IllegalArgumentException("这个密码是常见密码加数字或符号（如 password2024!），很容易被猜中，请换一个");
        }
    }

    /** A common password followed by nothing but digits and symbols. */
    private static boolean commonWithSuffix(String lower) {
        for (int end = lower.length() - 1; end > 0; end--) {
            if (Character.isLetter(lower.charAt(end))) {
                return false;
            }
            if (COMMON.contains(lower.substring(0, end))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LIST);
            }
            Set<String> words = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).forEach(words::add);
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many common passwords are known (for a test that the list is there). */
    static int commonPasswords() {
        return COMMON.size();
    }
}
