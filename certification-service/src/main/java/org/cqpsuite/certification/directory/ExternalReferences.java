package org.cqpsuite.certification.directory;

import java.util.regex.Pattern;

/**
 * Keys of certifications that are not in France compétences' directory exports but in official orders (arrêtés) that
 * registered them in the RNCP without giving their RNCP code, e.g. {@code arrete-2014-01-20/ETSD1401196A#3} (the order,
 * its NOR and the row): 1 to {@value #MAX_LENGTH} characters, a letter or digit then letters, digits and
 * {@code : . _ / # -}. Case is kept and compared exactly; only surrounding whitespace is stripped.
 */
public final class ExternalReferences {

    public static final int MAX_LENGTH = 100;
    /** As a regular expression, for OpenAPI and bean validation. */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9:._/#-]*";
    public static final Pattern REFERENCE = Pattern.compile(REGEX);
    public static final String EXAMPLE = "arrete-2014-01-20/ETSD1401196A#3";
    static final String HINT = "a reference of 1 to " + MAX_LENGTH + " characters: a letter or digit, then letters, "
            + "digits and : . _ / # -, e.g. " + EXAMPLE;

    private ExternalReferences() {
    }

    /** Stripped of surrounding whitespace, case kept; {@code null} stays {@code null}. */
    public static String normalise(String reference) {
        return reference == null ? null : reference.strip();
    }

    public static boolean isValid(String normalised) {
        return normalised != null && normalised.length() <= MAX_LENGTH && REFERENCE.matcher(normalised).matches();
    }
}
