package org.askonce.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What the staff pages' top bar shows of the logged-in user, as the bean {@code staff}:
 * {@code ${@staff.displayName(#authentication)}}, {@code ${@staff.roleLabel(#authentication)}}.
 * Works for any authentication (also a test's mock user), not only for our own accounts.
 */
@Component("staff")
class StaffView {

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
}
