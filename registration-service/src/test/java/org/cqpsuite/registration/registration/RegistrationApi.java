package org.cqpsuite.registration.registration;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cqpsuite.registration.certification.CertificationServiceStub;
import org.cqpsuite.testinfra.TestTokens;

/** The requests the registration tests share, as France compétences' and a CPNE's systems would send them. */
final class RegistrationApi {

    private static final AtomicInteger CODES = new AtomicInteger(10_000 + new java.util.Random().nextInt(80_000));

    private RegistrationApi() {
    }

    /** A fresh RNCP code, so that tests never collide on "unique per directory". */
    static String newRncpCode() {
        return "RNCP" + CODES.incrementAndGet();
    }

    /** A certification that certification-service (the stub) says is published, carried by branch 1979. */
    static String publishedCertification() {
        String id = UUID.randomUUID().toString();
        CertificationServiceStub.certification(id, "PUBLISHED");
        return id;
    }

    static ValidatableResponse transmit(String token, String certification, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/certifications/" + certification + "/transmission").then();
    }

    static ValidatableResponse request(String token, String certification, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/certifications/" + certification + "/registrations").then();
    }

    static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static String registrar() {
        return TestTokens.registrar();
    }

    static String cpneOfHotels() {
        return TestTokens.certifier("1979");
    }

    /** Transmitted on 2019-03-01 and requested in the RNCP on 2019-03-10; returns the registration id. */
    static String requestedRncp(String certification) {
        transmit(registrar(), certification, "{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-2019-0001\"}")
                .statusCode(200);
        return request(cpneOfHotels(), certification, "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-03-10\"}")
                .statusCode(201).extract().path("registration.id");
    }

    static String decision(String code, int level) {
        return """
                {"outcome": "REGISTERED", "code": "%s", "registrationType": "ON_REQUEST", "decidedOn": "2019-06-01",
                 "effectiveFrom": "2019-06-15", "endsOn": "2024-06-14", "level": %d, "awardDeadline": null,
                 "blocks": [{"code": "%sBC01", "title": "Préparer les postes de travail"}]}""".formatted(code, level, code);
    }
}
