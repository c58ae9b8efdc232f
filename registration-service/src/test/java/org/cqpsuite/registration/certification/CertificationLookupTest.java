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
    @Test
    void manyCertificationsAreAskedInOneRequestAndAFailingOneAloneIsUnavailable() {
        UUID published = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        CertificationServiceStub.certification(published.toString(), "PUBLISHED", "CQP");
        CertificationServiceStub.certification(draft.toString(), "DRAFT", "OTHER");

        java.util.Map<UUID, CertificationLookup.Answer> answers = lookup.findAll(java.util.List.of(published, draft,
                unknown));
        assertThat(answers.get(published)).isInstanceOfSatisfying(CertificationLookup.Found.class,
                found -> assertThat(found.certification().kind()).isEqualTo("CQP"));
        assertThat(answers.get(draft)).isInstanceOfSatisfying(CertificationLookup.Found.class,
                found -> assertThat(found.certification().status()).isEqualTo("DRAFT"));
        assertThat(answers.get(unknown)).isInstanceOf(CertificationLookup.Unknown.class);
        assertThat(CertificationServiceStub.requests(published.toString())).as("one request for all").isOne();

        // The batch request fails because of one certification: the others are still answered.
        UUID failing = UUID.randomUUID();
        CertificationServiceStub.failing(failing.toString(), 500);
        UUID other = UUID.randomUUID();
        CertificationServiceStub.certification(other.toString(), "PUBLISHED", "CQPI");
        answers = lookup.findAll(java.util.List.of(other, failing));
        assertThat(answers.get(other)).isInstanceOf(CertificationLookup.Found.class);
        assertThat(answers.get(failing)).isInstanceOf(CertificationLookup.Unavailable.class);
    }
}
