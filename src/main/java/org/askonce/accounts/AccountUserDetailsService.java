package org.askonce.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Logging in (form or HTTP Basic) against {@code app_user}; a disabled account is refused. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcUserStore store;

    AccountUserDetailsService(JdbcUserStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return store.find(username).map(s -> new StaffUser(s.account(), s.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
    }
}
