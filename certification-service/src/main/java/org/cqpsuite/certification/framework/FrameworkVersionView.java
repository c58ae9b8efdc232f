package org.cqpsuite.certification.framework;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a framework, with its content. */
@Schema(name = "FrameworkVersion")
public record FrameworkVersionView(
        UUID certificationId,
        @Schema(description = "activities, skills or evaluation", example = "skills") String framework,
        @Schema(description = "1 for the first version, then 2, 3...") int number,
        @Schema(description = "From when this version applies") LocalDate effectiveDate,
        @Schema(description = "Who wrote it (the token's name)") String author,
        Instant recordedAt,
        @Schema(description = "The framework: workSituations/activities/targetedJobs, blocks, or items")
        JsonNode content) {

    static FrameworkVersionView of(FrameworkVersionEntity version) {
        return new FrameworkVersionView(version.key.certificationId, version.key.kind.pathSegment(),
                version.key.number, version.effectiveDate, version.author, version.recordedAt, version.content);
    }
}
