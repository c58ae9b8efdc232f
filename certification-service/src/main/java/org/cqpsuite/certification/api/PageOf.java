package org.cqpsuite.certification.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a listing.
 *
 * @param items the page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items match in all
 */
@Schema(description = "One page of a listing")
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
