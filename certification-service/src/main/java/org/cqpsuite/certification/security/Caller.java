package org.cqpsuite.certification.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of a write: its name (the author of what it writes), roles and branches. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public String name() {
        String name = token.getName();
        return name == null || name.isBlank() ? token.getSubject() : name;
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    /** The IDCC codes of the token's {@code idcc} claim (a JSON array of strings, or absent). */
    public Set<String> idcc() {
        Object claim = token.getClaim("idcc");
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::text).collect(Collectors.toSet());
        }
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(Caller::text).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.of(text(claim));
    }

    /** Throws 403 unless the caller may change a certification carried by {@code branches}. */
    public void requireScope(Collection<String> branches) {
        if (WriteScope.mayWrite(roles(), idcc(), branches)) {
            return;
        }
        if (branches.isEmpty()) {
            throw new ProblemException(Problem.of(403, "no-branch", "Forbidden",
                    "This certification is carried by no branch (no CPNE): only an admin may create or change it."));
        }
        List<String> outside = WriteScope.outsideScope(roles(), idcc(), branches);
        throw new ProblemException(Problem.of(403, "outside-branches", "Forbidden",
                "Your token allows changes to certifications of the branches " + new java.util.TreeSet<>(idcc())
                        + " only; this one is carried by " + outside + " as well."));
    }

    private static String text(Object value) {
        return value instanceof jakarta.json.JsonString string ? string.getString() : String.valueOf(value);
    }
}
