package org.cqpsuite.certification.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Codes of France compétences' directories: {@code RNCP} and 3 to 5 digits (Répertoire national des certifications
 * professionnelles, e.g. {@code RNCP34486}), {@code RS} and 1 to 6 digits (Répertoire spécifique, e.g. {@code RS5012}).
 */
public final class DirectoryCodes {

    public static final Pattern CODE = Pattern.compile("RNCP\\d{3,5}|RS\\d{1,6}");
    static final String HINT = "an RNCP or RS code: RNCP and 3 to 5 digits, or RS and 1 to 6 digits, e.g. RNCP34486";

    private DirectoryCodes() {
    }

    /** Stripped and upper-cased ({@code rncp34486} → {@code RNCP34486}); {@code null} stays {@code null}. */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String normalised) {
        return normalised != null && CODE.matcher(normalised).matches();
    }
}
