package org.cqpsuite.certification.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.certification.domain.CertificationKind;
import org.cqpsuite.certification.domain.CertificationStatus;
import org.cqpsuite.certification.domain.Source;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certification as the API shows it. */
@Schema(name = "Certification")
public record CertificationView(
        UUID id,
        CertificationKind kind,
        String title,
        CertificationStatus status,
        @Schema(description = "API: written through this API; DIRECTORY_IMPORT: imported from France compétences' "
                + "directory, carrying what it gives") Source source,
        @Schema(description = "Its code in France compétences' directories (RNCP or RS), set by the directory import; "
                + "null for a certification written through this API", example = "RNCP34486", nullable = true)
        String directoryCode,
        @Schema(description = "For a certification registered in the RNCP by an official order (arrêté) that gave no "
                + "RNCP code: the reference the directory import keys it by (case kept); null otherwise, in "
                + "particular when directoryCode is set", example = "arrete-2014-01-20/ETSD1401196A#3", nullable = true)
        String externalReference,
        List<CertificationRequest.CpneRequest> cpnes,
        @Schema(description = "The IDCC codes of the CPNEs' branches, sorted", example = "[\"0018\", \"0247\"]")
        List<String> carryingBranches,
        List<String> nsfCodes,
        List<String> romeCodes,
        LocalDate createdOn,
        Instant updatedAt,
        @Schema(description = "Increases with every change; the ETag is this number in quotes") long version,
        @Schema(description = "The latest version of each framework, null while it has none") Frameworks frameworks) {

    /** The latest version of each of the three frameworks. */
    @Schema(name = "CurrentFrameworks")
    public record Frameworks(VersionSummary activities, VersionSummary skills, VersionSummary evaluation) {
    }

    /** A framework version without its content. */
    @Schema(name = "FrameworkVersionSummary")
    public record VersionSummary(int number, LocalDate effectiveDate, String author) {
    }
}
