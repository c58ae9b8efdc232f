package org.cqpsuite.importer.write;

import java.time.LocalDate;
import java.util.List;

/** The two import endpoints of the suite, one batch at a time; answers one outcome per item, in order. */
public interface SuiteApi {

    /** certification-service's {@code POST /directory-imports/certifications}. */
    List<ImportOutcome> importCertifications(List<CertificationItem> items);

    /** registration-service's {@code POST /directory-imports/registrations}. */
    List<ImportOutcome> importRegistrations(LocalDate exportDate, List<RegistrationItem> items);
}
