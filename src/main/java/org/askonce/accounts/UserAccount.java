package org.askonce.accounts;

import java.time.Instant;

/** A staff account as others may see it: never the password or its hash. */
public record UserAccount(long id, String username, String displayName, Role role, boolean enabled, Instant createdAt) {
}
