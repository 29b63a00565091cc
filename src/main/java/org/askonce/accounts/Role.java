package org.askonce.accounts;

/**
 * What a staff member may do. An admin may do everything an agent or an editor may, and manages
 * the accounts. As a Spring Security authority each role is {@code ROLE_} + its name.
 */
public enum Role {
    ADMIN("管理员"),
    AGENT("坐席"),
    EDITOR("知识编辑");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name people see. */
    public String label() {
        return label;
    }

    /** The Spring Security authority, e.g. {@code ROLE_AGENT}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * @throws IllegalArgumentException naming the value and the roles there are
     */
    public static Role parse(String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(value.strip())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("未知角色：" + value + "（可选 ADMIN、AGENT、EDITOR）");
    }
}
