package org.askonce.accounts;

import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What the staff pages show of the logged-in user and their rights, as the bean {@code staff}:
 * {@code ${@staff.displayName(#authentication)}}, {@code ${@staff.roleLabel(#authentication)}},
 * {@code ${@staff.mayEditKnowledge(#authentication)}}, {@code ${@staff.mayPublish(#authentication)}},
 * {@code ${@staff.publishers()}}.
 * Works for any authentication (also a test's mock user), not only for our own accounts.
 */
@Component("staff")
class StaffView {

    private final UserAccounts accounts;

    StaffView(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public String displayName(Authentication authentication) {
        if (authentication == null) {
            return "";
        }
        return authentication.getPrincipal() instanceof StaffUser user ? user.displayName() : authentication.getName();
    }

    public String roleLabel(Authentication authentication) {
        if (authentication == null) {
            return "";
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    return role.label();
                }
            }
        }
        return "";
    }

    /** Whether the user may open the knowledge editor console ({@link Role#mayEditKnowledge()}). */
    public boolean mayEditKnowledge(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.mayEditKnowledge() && role.authority().equals(authority.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the user may publish, roll back and import ({@link PublishRight}). */
    public boolean mayPublish(Authentication authentication) {
        return PublishRight.mayPublish(authentication);
    }

    /** Who may publish, for an editor to know whom to ask: the role and the enabled accounts that have it. */
    public String publishers() {
        String names = accounts.publishers().stream().map(a -> a.displayName() + "（" + a.username() + "）")
                .collect(Collectors.joining("、"));
        return PublishRight.WHO + (names.isEmpty() ? "" : "：" + names);
    }
}
