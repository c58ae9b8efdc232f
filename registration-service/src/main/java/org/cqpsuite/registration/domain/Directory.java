package org.cqpsuite.registration.domain;

import java.util.regex.Pattern;

/**
 * The two national directories kept by France compétences, in which a CQP may be registered (enregistrement).
 */
public enum Directory {

    /**
     * Répertoire national des certifications professionnelles (article L6113-5 du Code du travail): codes {@code RNCP}
     * + 3 to 5 digits ({@code RNCP34486}); its certifications are organised in skills blocks (blocs de compétences)
     * and, when registered under the procedure of the law of 5 September 2018, have a qualification level 1 to 8.
     */
    RNCP("RNCP", Pattern.compile("^RNCP\\d{3,5}$"), "RNCP followed by 3 to 5 digits, e.g. RNCP34486", "L6113-5",
            true, true),

    /**
     * Répertoire spécifique (article L6113-6 du Code du travail): codes {@code RS} + digits ({@code RS5568}); no
     * qualification level and no skills blocks.
     */
    RS("RS", Pattern.compile("^RS\\d{1,6}$"), "RS followed by 1 to 6 digits, e.g. RS5568", "L6113-6", false, false);

    /**
     * A skills block of an RNCP certification: the registration code, {@code BC}, 1 or 2 digits
     * ({@code RNCP34486BC01}; real data also has {@code RNCP34486BC1}).
     */
    public static final Pattern BLOCK_CODE = Pattern.compile("^(RNCP\\d{3,5})BC(\\d{1,2})$");

    private final String prefix;
    private final Pattern codePattern;
    private final String codeHint;
    private final String article;
    private final boolean hasLevels;
    private final boolean hasBlocks;

    Directory(String prefix, Pattern codePattern, String codeHint, String article, boolean hasLevels,
            boolean hasBlocks) {
        this.prefix = prefix;
        this.codePattern = codePattern;
        this.codeHint = codeHint;
        this.article = article;
        this.hasLevels = hasLevels;
        this.hasBlocks = hasBlocks;
    }

    /** {@code RNCP} or {@code RS}: what every code of the directory starts with. */
    public String prefix() {
        return prefix;
    }

    /** The form of a registration code in this directory. */
    public Pattern codePattern() {
        return codePattern;
    }

    /** Whether {@code code} has the form of a registration code of this directory (exact case, no spaces). */
    public boolean isCode(String code) {
        return code != null && codePattern.matcher(code).matches();
    }

    /** The code's form in words, with an example, for messages. */
    public String codeHint() {
        return codeHint;
    }

    /** The article of the Code du travail that creates the directory. */
    public String article() {
        return article;
    }

    /**
     * Whether registrations may carry a qualification level at all (only RNCP ones, and only those decided on or after
     * {@link RegistrationRules#LEVELS_FROM}).
     */
    public boolean hasLevels() {
        return hasLevels;
    }

    /** Whether registrations carry skills blocks (RNCP only). */
    public boolean hasBlocks() {
        return hasBlocks;
    }
}
