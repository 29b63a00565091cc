package org.askonce.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a staff member may do. An editor writes knowledge as drafts; a reviewer may do everything an
 * editor may and also publish, roll back and import (an import publishes at once); an admin may do
 * everything an agent or a reviewer may, and manages the accounts. Hall staff (窗口人员) work the
 * bookings of the halls assigned to them ({@link HallAssignments}) and nothing else. As a Spring Security authority
 * each role is {@code ROLE_} + its name.
 */
public enum Role {
    ADMIN("管理员"),
    AGENT("坐席"),
    EDITOR("知识编辑"),
    REVIEWER("审核发布"),
    HALL_STAFF("窗口人员");

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

    /** May open the knowledge editor console: edit drafts, propose, try, audit, the learning loop, analytics, export. */
    public boolean mayEditKnowledge() {
        return this == EDITOR || this == REVIEWER || this == ADMIN;
    }

    /** May open the hall page ({@code /hall}): hall staff for their halls, admins for every hall. */
    public boolean mayWorkHalls() {
        return this == HALL_STAFF || this == ADMIN;
    }

    /** May publish drafts, roll back and import: the one place that says so (see {@link PublishRight}). */
    public boolean mayPublish() {
        return this == REVIEWER || this == ADMIN;
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
        throw new IllegalArgumentException("未知角色：" + value + "（可选 "
                + Arrays.stream(values()).map(Role::name).collect(Collectors.joining("、")) + "）");
    }

    /** The roles that {@link #mayEditKnowledge()}, as names for {@code hasAnyRole}. */
    public static String[] knowledgeEditors() {
        return names(Arrays.stream(values()).filter(Role::mayEditKnowledge).toList());
    }

    /** The roles that {@link #mayPublish()}, as names for {@code hasAnyRole}. */
    public static String[] publishers() {
        return names(Arrays.stream(values()).filter(Role::mayPublish).toList());
    }

    private static String[] names(List<Role> roles) {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }
}
