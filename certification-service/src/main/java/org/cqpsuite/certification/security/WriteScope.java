package org.cqpsuite.certification.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may change a certification (plain Java): an {@code admin} any; a {@code certifier} only one whose CPNEs all
 * belong to branches listed in its token's {@code idcc} claim, before and after the change.
 */
public final class WriteScope {

    public static final String ADMIN = "admin";
    public static final String CERTIFIER = "certifier";

    private WriteScope() {
    }

    /** The branches of {@code branches} that the caller may not act for; empty when it may change the certification. */
    public static List<String> outsideScope(Set<String> roles, Collection<String> callerIdcc,
            Collection<String> branches) {
        if (roles.contains(ADMIN)) {
            return List.of();
        }
        if (!roles.contains(CERTIFIER)) {
            return List.copyOf(new TreeSet<>(branches));
        }
        TreeSet<String> outside = new TreeSet<>(branches);
        outside.removeAll(callerIdcc);
        return List.copyOf(outside);
    }
}
