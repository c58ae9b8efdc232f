package org.cqpsuite.registration.registration;

import static io.restassured.RestAssured.given;
import static org.cqpsuite.registration.registration.RegistrationApi.cpneOfHotels;
import static org.cqpsuite.registration.registration.RegistrationApi.decision;
import static org.cqpsuite.registration.registration.RegistrationApi.newRncpCode;
import static org.cqpsuite.registration.registration.RegistrationApi.post;
import static org.cqpsuite.registration.registration.RegistrationApi.publishedCertification;
import static org.cqpsuite.registration.registration.RegistrationApi.registrar;
import static org.cqpsuite.registration.registration.RegistrationApi.request;
import static org.cqpsuite.registration.registration.RegistrationApi.requestedRncp;
import static org.cqpsuite.registration.registration.RegistrationApi.transmit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cqpsuite.registration.certification.CertificationServiceStub;
import org.cqpsuite.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

/** Transmission, request, decision, withdrawal and renewal through the API, with every refusal a client can meet. */
@QuarkusTest
@QuarkusTestResource(value = CertificationServiceStub.class, restrictToAnnotatedClass = true)
class RegistrationLifecycleApiTest {

    @Test
    void aPublishedCqpIsTransmittedRequestedAndRegisteredInTheRncp() {
        String certification = publishedCertification();
        String code = newRncpCode();
        transmit(registrar(), certification, "{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-2019-0001\"}")
                .statusCode(200)
                .body("transmissions[0].transmittedOn", equalTo("2019-03-01"))
                .body("transmissions[0].inferred", equalTo(false));
        String rid = request(cpneOfHotels(), certification, "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-03-10\"}")
                .statusCode(201)
                .body("registration.status", equalTo("REQUESTED"))
                .extract().path("registration.id");

        post(registrar(), "/registrations/" + rid + "/decision", decision(code, 4))
                .statusCode(200)
                .body("registration.status", equalTo("REGISTERED"))
                .body("registration.code", equalTo(code))
                .body("registration.level", equalTo(4))
                .body("registration.endsOn", equalTo("2024-06-14"))
                .body("registration.blocks[0].code", equalTo(code + "BC01"))
                .body("history.action", equalTo(java.util.List.of("REQUEST", "DECIDE")));

        given().when().get("/certifications/" + certification + "/registrations")
                .then().statusCode(200)
                .body("registrations", hasSize(1))
                .body("registrations[0].status", equalTo("REGISTERED"))
                .body("history", hasSize(2));
        given().queryParam("code", code).when().get("/registrations")
                .then().statusCode(200).body("registration.id", equalTo(java.util.List.of(rid)));
    }

    @Test
    void anRsRegistrationWithALevelIs400() {
        String certification = publishedCertification();
        transmit(registrar(), certification, "{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-1\"}").statusCode(200);
        String rid = request(cpneOfHotels(), certification, "{\"directory\": \"RS\", \"requestedOn\": \"2019-03-10\"}")
                .statusCode(201).extract().path("registration.id");
        post(registrar(), "/registrations/" + rid + "/decision", """
                {"outcome": "REGISTERED", "code": "RS5568", "registrationType": "ON_REQUEST", "decidedOn": "2019-06-01",
                 "effectiveFrom": "2019-06-15", "endsOn": "2021-06-14", "level": 3}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("level"))
                .body("errors.rule", hasItem("not-allowed"));
        given().when().get("/registrations/" + rid).then().body("registration.status", equalTo("REQUESTED"));
    }

    @Test
    void aSecondRegistrationUnderAnExistingCodeIs400() {
        String code = newRncpCode();
        post(registrar(), "/registrations/" + requestedRncp(publishedCertification()) + "/decision", decision(code, 4))
                .statusCode(200);
        post(registrar(), "/registrations/" + requestedRncp(publishedCertification()) + "/decision", decision(code, 4))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("code"))
                .body("errors.rule", hasItem("duplicate-code"));
    }

    @Test
    void aDecisionOnANeverRequestedRegistrationIs404AndOnADecidedOne409() {
        post(registrar(), "/registrations/" + java.util.UUID.randomUUID() + "/decision", decision(newRncpCode(), 4))
                .statusCode(404).contentType("application/problem+json");
        String rid = requestedRncp(publishedCertification());
        post(registrar(), "/registrations/" + rid + "/decision", "{\"outcome\": \"REFUSED\", \"decidedOn\": \"2019-06-01\"}")
                .statusCode(200).body("registration.status", equalTo("REFUSED"));
        post(registrar(), "/registrations/" + rid + "/decision", decision(newRncpCode(), 4))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("REFUSED"));
    }

    @Test
    void writesNeedTheRightRole() {
        String certification = publishedCertification();
        String body = "{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-1\"}";
        given().contentType("application/json").body(body).when().put("/certifications/" + certification + "/transmission")
                .then().statusCode(401).contentType("application/problem+json");
        transmit(cpneOfHotels(), certification, body).statusCode(403).contentType("application/problem+json");
        given().when().get("/certifications/" + certification + "/registrations").then().statusCode(404);

        transmit(registrar(), certification, body).statusCode(200);
        request(TestTokens.certifier("0018"), certification, "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-03-10\"}")
                .statusCode(403).body("detail", containsString("1979"));
        // France compétences decides on requests; the CPNE files them.
        request(registrar(), certification, "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-03-10\"}")
                .statusCode(403).contentType("application/problem+json");
        String rid = request(cpneOfHotels(), certification, "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-03-10\"}")
                .statusCode(201).extract().path("registration.id");
        post(cpneOfHotels(), "/registrations/" + rid + "/decision", decision(newRncpCode(), 4))
                .statusCode(403).contentType("application/problem+json");
        given().when().get("/registrations/" + rid).then().body("registration.status", equalTo("REQUESTED"));
    }

    @Test
    void aRequestNeedsAPublishedTransmittedCertification() {
        String draft = java.util.UUID.randomUUID().toString();
        CertificationServiceStub.certification(draft, "DRAFT");
        transmit(registrar(), draft, "{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-1\"}")
                .statusCode(409).body("type", equalTo("urn:cqp-suite:problem:certification-not-published"));
        String certification = publishedCertification();
        request(cpneOfHotels(), certification, "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-03-10\"}")
                .statusCode(400).contentType("application/problem+json");
        given().when().get("/certifications/" + certification + "/registrations").then().statusCode(404);
    }

    @Test
    void aWithdrawnRegistrationAndARenewalKeepTheirHistory() {
        String certification = publishedCertification();
        String first = requestedRncp(certification);
        String code = newRncpCode();
        post(registrar(), "/registrations/" + first + "/decision", decision(code, 4)).statusCode(200);
        String renewedCode = newRncpCode();
        String successor = post(registrar(), "/registrations/" + first + "/renewal", decision(renewedCode, 4)
                .replace("2019-06-01", "2024-05-01").replace("2019-06-15", "2024-06-15").replace("2024-06-14", "2029-06-14"))
                .statusCode(201)
                .body("registration.status", equalTo("REGISTERED"))
                .body("registration.predecessorId", equalTo(first))
                .body("registration.predecessorCode", equalTo(code))
                .extract().path("registration.id");
        given().when().get("/registrations/" + first).then()
                .body("registration.status", equalTo("REPLACED"))
                .body("registration.successorId", equalTo(successor))
                .body("registration.successorCode", equalTo(renewedCode));

        post(registrar(), "/registrations/" + successor + "/withdrawal",
                "{\"effectiveOn\": \"2025-01-01\", \"reason\": \"Retrait à la demande du certificateur\"}")
                .statusCode(200)
                .body("registration.status", equalTo("WITHDRAWN"))
                .body("registration.withdrawnOn", equalTo("2025-01-01"));
        post(registrar(), "/registrations/" + successor + "/withdrawal",
                "{\"effectiveOn\": \"2025-01-01\", \"reason\": \"encore\"}").statusCode(409);
        given().when().get("/certifications/" + certification + "/registrations").then()
                .body("history.action", equalTo(java.util.List.of("REQUEST", "DECIDE", "RENEW", "RENEWED", "WITHDRAW")));
    }

    @Test
    void malformedCodesAndBodiesAre400() {
        given().queryParam("code", "RNCP1").when().get("/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().when().get("/registrations").then().statusCode(400);
        String rid = requestedRncp(publishedCertification());
        post(registrar(), "/registrations/" + rid + "/decision", "{\"outcome\": \"MAYBE\"}").statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        post(registrar(), "/registrations/" + rid + "/decision", "{\"outcome\": ").statusCode(400)
                .body("type", equalTo("urn:cqp-suite:problem:malformed-json"));
    }
}
