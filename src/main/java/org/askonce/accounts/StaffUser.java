package org.askonce.accounts;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in staff member: Spring Security's user with the name people see. */
class StaffUser extends User {

    private final String displayName;
    private final Role role;

    StaffUser(UserAccount account, String passwordHash) {
        super(account.username(), passwordHash, account.enabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.displayName = account.displayName();
        this.role = account.role();
    }

    String displayName() {
        return displayName;
    }

    Role role() {
        return role;
    }
}
