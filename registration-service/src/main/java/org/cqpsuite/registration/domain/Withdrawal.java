package org.cqpsuite.registration.domain;

import java.time.LocalDate;

/**
 * The withdrawal (retrait) of a registration before its end date. Body {@code {"effectiveOn": "2021-01-01", "reason":
 * "..."}}.
 *
 * @param effectiveOn the first day on which the registration is no longer in force
 * @param reason why, at most 500 characters
 */
public record Withdrawal(LocalDate effectiveOn, String reason) {
}
