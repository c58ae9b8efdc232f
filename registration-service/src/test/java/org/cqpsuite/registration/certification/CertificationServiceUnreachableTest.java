package org.cqpsuite.registration.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.cqpsuite.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** certification-service down (nothing listens on its port): 503 with Retry-After, after the client's retries. */
@QuarkusTest
@TestProfile(CertificationServiceUnreachableTest.Unreachable.class)
class CertificationServiceUnreachableTest {

    /** Points the client at a port where nothing listens. */
    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("quarkus.rest-client.certification-service.url",
                        "http://127.0.0.1:" + socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    CertificationLookup lookup;

    @Test
    void aTransmissionIsRefusedWith503AndNothingIsWritten() {
        String certification = UUID.randomUUID().toString();
        io.restassured.RestAssured.given().auth().oauth2(org.cqpsuite.testinfra.TestTokens.registrar())
                .contentType("application/json").body("{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-1\"}")
                .when().put("/certifications/" + certification + "/transmission")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", CertificationLookup.RETRY_AFTER_SECONDS);
        io.restassured.RestAssured.given().when().get("/certifications/" + certification + "/registrations")
                .then().statusCode(404);
    }

    @Test
    void anUnreachableCertificationServiceIs503WithRetryAfter() {
        assertThatThrownBy(() -> lookup.requirePublished(UUID.randomUUID()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(503);
                    assertThat(e.problem().type()).isEqualTo("urn:cqp-suite:problem:certification-service-unavailable");
                    assertThat(e.headers()).containsEntry("Retry-After", CertificationLookup.RETRY_AFTER_SECONDS);
                });
    }
}
