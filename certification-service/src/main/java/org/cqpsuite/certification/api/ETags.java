package org.cqpsuite.certification.api;

import jakarta.ws.rs.core.EntityTag;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;

/** Versions as entity tags: the ETag of a resource is its version number in quotes ({@code "3"}). */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version a client's {@code If-Match} names. Required on updates (428 without it: a blind overwrite would lose
     * someone else's change); {@code 400} when it is not one of our tags.
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "if-match-required", "Precondition required",
                    "Send the certification's current ETag in If-Match (GET it first): updates without it could "
                            + "overwrite a change you have not seen."));
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "etag", "must be an ETag returned by this API, e.g. \"3\"");
        }
    }
}
