package org.cqpsuite.importer.write;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One item of certification-service's {@code POST /directory-imports/certifications}: a certification as the directory
 * describes it, keyed by its directory code.
 *
 * @param directoryCode e.g. {@code RNCP34486}; {@code null} for a certification known from an official order
 * @param externalReference the key of a certification that has no directory code (an official order's row), else
 *        {@code null}
 * @param kind CQP, CQPI or OTHER
 * @param title its title
 * @param cpnes the issuing CPNEs with their branch (IDCC); empty for OTHER
 * @param nsfCodes NSF codes in the suite's form ({@code 200r})
 * @param romeCodes ROME codes ({@code H1502})
 * @param frameworks the frameworks the fiche gives, by name (activities, skills, evaluation), in the shape of
 *        certification-service's framework bodies; {@code null} when it gives none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificationItem(String directoryCode, String externalReference, String kind, String title, List<Cpne> cpnes,
        List<String> nsfCodes, List<String> romeCodes, Map<String, Object> frameworks) {

    /** An issuing CPNE. */
    public record Cpne(String name, String idcc) {
    }
}
