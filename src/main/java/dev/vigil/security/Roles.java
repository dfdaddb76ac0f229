package dev.vigil.security;

import java.util.EnumSet;
import java.util.Set;

/** Role inclusion: ADMIN includes MANAGER, which includes RESPONDER. */
final class Roles {

    private Roles() {
    }

    static Set<Role> granted(Set<Role> assigned) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        for (Role role : assigned) {
            for (Role candidate : Role.values()) {
                if (candidate.ordinal() <= role.ordinal()) {
                    granted.add(candidate);
                }
            }
        }
        return granted;
    }
}
