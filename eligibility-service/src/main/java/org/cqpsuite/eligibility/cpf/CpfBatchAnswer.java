package org.cqpsuite.eligibility.cpf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of a batch, one per code, in the order of the request.
 *
 * @param asOf the date asked about
 * @param dataAsOf the time of the last event applied to the read model
 * @param results one entry per code
 */
@Schema(name = "CpfBatchAnswer")
public record CpfBatchAnswer(LocalDate asOf, Instant dataAsOf, List<CpfBatchEntry> results) {
}
