package org.cqpsuite.eligibility.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;

/**
 * A code a client asks about: a directory code ({@code RNCP34486}, {@code RS5568}) or an RNCP skills-block code
 * ({@code RNCP34486BC01}), compared upper case.
 *
 * @param registrationCode the directory code
 * @param blockCode the skills block's code, or {@code null}
 */
public record DirectoryCode(String registrationCode, String blockCode) {

    /** What a valid code looks like, for error messages. */
    public static final String RULE = "must be an RNCP code (RNCP and 3 to 5 digits, e.g. RNCP34486), an RS code "
            + "(RS and 1 to 6 digits, e.g. RS5568) or an RNCP skills-block code (e.g. RNCP34486BC01)";

    private static final Pattern CODE = Pattern.compile("(RNCP\\d{3,5})(BC\\d{1,2})?|RS\\d{1,6}");

    /** The code, or empty when it is not one. */
    public static Optional<DirectoryCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        Matcher matcher = CODE.matcher(code);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) == null ? new DirectoryCode(code, null)
                : new DirectoryCode(matcher.group(1), matcher.group(2) == null ? null : code));
    }

    /** The 404 of a question about this code when no certification of the read model is registered under it. */
    public ProblemException unknown() {
        return new ProblemException(Problem.of(404, "unknown-code", "Unknown code", "No certification known to the "
                + "eligibility read model is registered under " + registrationCode + "."));
    }

    /** The code as asked: the block's code when there is one. */
    public String asked() {
        return blockCode != null ? blockCode : registrationCode;
    }
}
