package org.cqpsuite.eligibility.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the certifications CPF-eligible on a date.
 *
 * @param asOf the date asked about
 * @param items this page, by title
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many certifications match, on every page
 * @param dataAsOf the time of the last event applied to the read model
 */
@Schema(name = "EligibleCertificationPage")
public record CataloguePage(LocalDate asOf, List<EligibleCertificationView> items, int page, int size, long total,
        Instant dataAsOf) {
}
