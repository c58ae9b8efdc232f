package org.cqpsuite.registration.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.cqpsuite.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Registration writes check the certification with certification-service (here a stub of its HTTP API). */
@QuarkusTest
@QuarkusTestResource(value = CertificationServiceStub.class, restrictToAnnotatedClass = true)
class CertificationLookupTest {

    @Inject
    CertificationLookup lookup;

    @Test
    void aPublishedCertificationPasses() {
        UUID id = UUID.randomUUID();
        CertificationServiceStub.certification(id.toString(), "PUBLISHED");
        CertificationSummary certification = lookup.requirePublished(id);
        assertThat(certification.id()).isEqualTo(id);
        assertThat(certification.carryingBranches()).containsExactly("1979");
    }

    @Test
    void aDraftIs409AndAnUnknownCertification404() {
        UUID draft = UUID.randomUUID();
        CertificationServiceStub.certification(draft.toString(), "DRAFT");
        assertThatThrownBy(() -> lookup.requirePublished(draft)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(409);
            assertThat(e.problem().detail()).contains("DRAFT");
        });
        assertThatThrownBy(() -> lookup.requirePublished(UUID.randomUUID()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
    }

    @Test
    void aFailingCertificationServiceIs503WithRetryAfter() {
        UUID id = UUID.randomUUID();
        CertificationServiceStub.failing(id.toString(), 500);
        assertThatThrownBy(() -> lookup.requirePublished(id)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(503);
            assertThat(e.headers()).containsEntry("Retry-After", CertificationLookup.RETRY_AFTER_SECONDS);
        });
    }
}
