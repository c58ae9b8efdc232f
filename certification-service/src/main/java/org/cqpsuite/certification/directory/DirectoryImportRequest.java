package org.cqpsuite.certification.directory;

import java.util.List;
import org.cqpsuite.certification.certification.CertificationRequest;
import org.cqpsuite.certification.domain.ActivityFramework;
import org.cqpsuite.certification.domain.CertificationKind;
import org.cqpsuite.certification.domain.EvaluationFramework;
import org.cqpsuite.certification.domain.SkillsFramework;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /directory-imports/certifications}: certifications found in France compétences' RNCP/RS
 * exports, keyed by their directory code, or in official orders (arrêtés) that registered them in the RNCP without
 * giving their RNCP code, keyed by an external reference.
 */
@Schema(name = "DirectoryImportRequest", description = "A batch of 1 to 500 certifications of the directory")
public record DirectoryImportRequest(
        @Schema(description = "1 to 500 certifications, each with a distinct directoryCode or externalReference",
                required = true,
                minItems = 1, maxItems = DirectoryImportService.MAX_ITEMS) List<Item> items) {

    /**
     * One certification of the directory, as the importer maps a fiche or an official order's row; keyed by exactly
     * one of {@code directoryCode} and {@code externalReference}.
     */
    @Schema(name = "DirectoryImportItem", description = "One certification, keyed by exactly one of directoryCode "
            + "and externalReference (both or neither: REJECTED with rule one-key)")
    public record Item(
            @Schema(description = "The fiche's code: RNCP and 3 to 5 digits, or RS and 1 to 6 digits (upper-cased). "
                    + "Exactly one of directoryCode and externalReference", example = "RNCP34486", nullable = true)
            String directoryCode,
            @Schema(description = "For a certification registered in the RNCP by an official order (arrêté) that gave "
                    + "no RNCP code: a reference chosen by the importer, e.g. the order, its NOR and the row; 1 to 100 "
                    + "characters, a letter or digit then letters, digits and : . _ / # - (stripped, case kept, "
                    + "compared exactly). Exactly one of directoryCode and externalReference",
                    example = ExternalReferences.EXAMPLE, nullable = true, minLength = 1,
                    maxLength = ExternalReferences.MAX_LENGTH, pattern = ExternalReferences.REGEX)
            String externalReference,
            @Schema(description = "CQP, CQPI or OTHER (any other directory certification)", required = true)
            CertificationKind kind,
            @Schema(description = "Title, at most 1 000 characters", required = true,
                    example = "CQP Technicien de maintenance") String title,
            @Schema(description = "The issuing CPNEs: at least one for a CQP, of two distinct branches for a CQPI, "
                    + "possibly none for OTHER; every IDCC must be a known branch")
            List<CertificationRequest.CpneRequest> cpnes,
            @Schema(description = "NSF codes: 3 digits and an optional letter", example = "[\"250r\"]")
            List<String> nsfCodes,
            @Schema(description = "ROME codes: a letter and 4 digits", example = "[\"I1304\"]") List<String> romeCodes,
            @Schema(description = "The frameworks the directory gives; absent or null: not given (nothing changes)")
            Frameworks frameworks) {
    }

    /**
     * The three frameworks, each optional ({@code null}: not given), with the bodies of
     * {@code PUT /certifications/{id}/frameworks/{kind}} minus {@code effectiveDate} (an import takes effect today in
     * Europe/Paris).
     */
    @Schema(name = "DirectoryImportFrameworks")
    public record Frameworks(
            @Schema(description = "As the body of PUT .../frameworks/activities, without effectiveDate")
            ActivityFramework activities,
            @Schema(description = "As the body of PUT .../frameworks/skills, without effectiveDate")
            SkillsFramework skills,
            @Schema(description = "As the body of PUT .../frameworks/evaluation, without effectiveDate; targets name "
                    + "block codes or skill labels of the skills given here, or else of the stored ones")
            EvaluationFramework evaluation) {
    }
}
