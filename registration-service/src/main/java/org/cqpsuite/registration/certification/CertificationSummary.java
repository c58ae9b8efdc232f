package org.cqpsuite.registration.certification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** What registration-service reads of a certification; other fields of certification-service's answer are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificationSummary(UUID id, String kind, String title, String status, List<String> carryingBranches) {

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
