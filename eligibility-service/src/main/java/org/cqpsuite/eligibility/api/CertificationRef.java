package org.cqpsuite.eligibility.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The certification an answer is about.
 *
 * @param id its id in the suite
 * @param code the directory code asked about, or (asked by id) the code of the registration the answer rests on
 * @param title its title
 * @param kind CQP, CQPI or OTHER (a directory certification that is not a CQP)
 */
@Schema(name = "CertificationRef")
public record CertificationRef(
        @Schema(example = "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11") UUID id,
        @Schema(example = "RNCP34486", nullable = true) String code,
        @Schema(example = "Technicien de maintenance industrielle") String title,
        @Schema(example = "CQPI", enumeration = {"CQP", "CQPI", "OTHER"}) String kind) {
}
