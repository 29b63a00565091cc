package org.askonce.accounts;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /** bcrypt's cost when nothing is configured: Spring Security's default. */
    static final int DEFAULT_STRENGTH = 10;

    /**
     * bcrypt, stored as {@code {bcrypt}…} so that the algorithm can change later without a migration.
     * {@code askonce.accounts.bcrypt-strength} (4–31, default {@value #DEFAULT_STRENGTH}) is its cost:
     * each step doubles the time a login and a guess take. A stored hash keeps the cost it was made with.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${askonce.accounts.bcrypt-strength:" + DEFAULT_STRENGTH + "}") int strength) {
        return encoder(strength);
    }

    static PasswordEncoder encoder(int strength) {
        if (strength < 4 || strength > 31) {
            throw new IllegalArgumentException("askonce.accounts.bcrypt-strength must be between 4 and 31, not " + strength);
        }
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }
}
