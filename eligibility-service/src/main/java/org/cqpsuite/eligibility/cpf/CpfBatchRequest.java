package org.cqpsuite.eligibility.cpf;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Several codes asked about on one date.
 *
 * @param date the date, {@code null} for today (Europe/Paris)
 * @param codes 1 to 1 000 codes, each an RNCP, RS or RNCP skills-block code; answered in this order
 */
@Schema(name = "CpfBatchRequest")
public record CpfBatchRequest(
        @Schema(example = "2024-01-15", nullable = true) LocalDate date,
        @Schema(example = "[\"RNCP34486\", \"RS5568\", \"RNCP34486BC01\"]", minItems = 1, maxItems = 1000)
        @NotNull(message = "is required: 1 to 1000 codes")
        @Size(min = 1, max = 1000, message = "must hold 1 to 1000 codes") List<@NotNull(message = "must not be null")
                String> codes) {
}
