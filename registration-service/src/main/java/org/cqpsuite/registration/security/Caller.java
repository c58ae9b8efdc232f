package org.cqpsuite.registration.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of a write. {@code registrar} (France compétences) records transmissions, decisions,
 * withdrawals and renewals; {@code certifier} may request registration of certifications carried by branches of its
 * {@code idcc} claim; {@code admin} may do everything.
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String REGISTRAR = "registrar";
    public static final String CERTIFIER = "certifier";

    @Inject
    JsonWebToken token;

    public String name() {
        String name = token.getName();
        return name == null || name.isBlank() ? token.getSubject() : name;
    }

    /**
     * Throws 403 unless the caller is an admin or a certifier of all these branches. A registrar (France compétences)
     * decides on requests; it does not file them.
     */
    public void requireRequestRights(Collection<String> carryingBranches) {
        Set<String> roles = token.getGroups();
        if (roles.contains(ADMIN)) {
            return;
        }
        Set<String> outside = new TreeSet<>(carryingBranches);
        outside.removeAll(idcc());
        if (!roles.contains(CERTIFIER) || !outside.isEmpty()) {
            throw new ProblemException(Problem.of(403, "outside-branches", "Forbidden",
                    "A certifier may request the registration of certifications of its branches " + new TreeSet<>(idcc())
                            + " only; this one is carried by " + new TreeSet<>(carryingBranches) + "."));
        }
    }

    private Set<String> idcc() {
        Object claim = token.getClaim("idcc");
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(Caller::text).collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::text).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.of(text(claim));
    }

    private static String text(Object value) {
        return value instanceof jakarta.json.JsonString string ? string.getString() : String.valueOf(value);
    }
}
