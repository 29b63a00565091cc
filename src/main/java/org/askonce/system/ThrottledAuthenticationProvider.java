package org.askonce.system;

import org.askonce.accounts.LoginThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password, from the login form or HTTP Basic, checked only while the {@link LoginThrottle}
 * allows: a refused attempt throws {@link LoginRefusedException} before the password is looked at; a
 * failure is recorded and logged, a success clears the account's failures.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginThrottle.Attempt attempt = throttle.begin(authentication.getName(), address(authentication));
        if (attempt.refused()) {
            throw new LoginRefusedException(attempt.refusal());
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.failed(attempt, reason(e));
            throw e;
        } catch (RuntimeException e) {
            throttle.abandoned(attempt);
            throw e;
        }
        if (result == null) { // not for this provider after all
            throttle.abandoned(attempt);
            return null;
        }
        throttle.succeeded(attempt);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client's address as the form and Basic filters recorded it. */
    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof BadCredentialsException) {
            return "wrong username or password";
        }
        if (e instanceof DisabledException) {
            return "account disabled";
        }
        return e.getClass().getSimpleName();
    }
}
