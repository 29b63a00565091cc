package org.askonce.system;

import java.time.Duration;
import org.askonce.accounts.LoginThrottle;
import org.springframework.security.core.AuthenticationException;

/** A login refused by the {@link LoginThrottle} before its password was checked: answered with 429. */
final class LoginRefusedException extends AuthenticationException {

    private final transient LoginThrottle.Refusal refusal;

    LoginRefusedException(LoginThrottle.Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    /** For the {@code Retry-After} header. */
    Duration retryAfter() {
        return refusal.retryAfter();
    }
}
