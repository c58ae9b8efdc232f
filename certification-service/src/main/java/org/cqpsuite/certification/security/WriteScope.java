package org.cqpsuite.certification.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may change a certification (plain Java): an {@code admin} any; a {@code certifier} only one carried by at least
 * one branch, whose CPNEs all belong to branches listed in its token's {@code idcc} claim, before and after the change.
 * A certification carried by no branch (an OTHER without CPNE, as the directory import writes France compétences'
 * other certifications) is no branch's: an admin alone creates or changes it.
 */
public final class WriteScope {

    public static final String ADMIN = "admin";
    public static final String CERTIFIER = "certifier";

    private WriteScope() {
    }

    /** Whether the caller may create or change a certification carried by {@code branches}. */
    public static boolean mayWrite(Set<String> roles, Collection<String> callerIdcc, Collection<String> branches) {
        if (roles.contains(ADMIN)) {
            return true;
        }
        return roles.contains(CERTIFIER) && !branches.isEmpty() && outsideScope(roles, callerIdcc, branches).isEmpty();
    }

    /**
     * The branches of {@code branches} that the caller may not act for; empty when all are its own (see
     * {@link #mayWrite} for a certification carried by no branch).
     */
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
