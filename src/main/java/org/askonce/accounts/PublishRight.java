package org.askonce.accounts;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may publish knowledge: publish a draft, roll an item back (a new version, published at once)
 * and import (imported items are published at once). Which roles may is {@link Role#mayPublish()};
 * this applies it to a logged-in user. The security configuration guards the URLs with it; the
 * knowledge editor checks again with {@link #requireForCurrentUser()}, so that a page added later
 * cannot publish for an editor by mistake.
 */
public final class PublishRight {

    /** Who may, as staff read it. */
    public static final String WHO = "“" + Role.REVIEWER.label() + "”角色或" + Role.ADMIN.label();

    /** What an editor who tried is told. */
    public static final String REFUSED = "没有发布权限：发布、回滚和导入（导入的事项直接发布）只能由" + WHO
            + "进行。知识编辑保存的草稿会列在“待发布”页面，由他们审核后发布。";

    private PublishRight() {
    }

    /** Whether this user may publish; false for nobody and for an anonymous visitor. */
    public static boolean mayPublish(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.mayPublish() && role.authority().equals(granted.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Refuses when the user of the current request may not publish. Without any user (the jar's
     * {@code import} command, start-up, a test calling the service) the caller is the operator, who
     * has the database anyway.
     *
     * @throws Refused when a user is logged in who may not publish
     */
    public static void requireForCurrentUser() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && !mayPublish(current)) {
            throw new Refused();
        }
    }

    /** A user without the publish right tried to publish, roll back or import. */
    public static final class Refused extends AccessDeniedException {

        Refused() {
            super(REFUSED);
        }
    }
}
