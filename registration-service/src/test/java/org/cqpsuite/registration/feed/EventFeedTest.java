package org.cqpsuite.registration.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cqpsuite.registration.certification.CertificationServiceStub;
import org.cqpsuite.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

/** The HTTP feed gives partners without Kafka the same events, in order, resumable by cursor. */
@QuarkusTest
@QuarkusTestResource(value = CertificationServiceStub.class, restrictToAnnotatedClass = true)
class EventFeedTest {

    @Test
    void theFeedHasEachStepInOrderAndResumesFromACursor() {
        String certification = UUID.randomUUID().toString();
        CertificationServiceStub.certification(certification, "PUBLISHED");
        long start = given().queryParam("after", 0).queryParam("limit", 1000).when().get("/events")
                .then().statusCode(200).extract().jsonPath().getLong("nextCursor");

        given().auth().oauth2(TestTokens.registrar()).contentType(ContentType.JSON)
                .body("{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-1\"}")
                .when().put("/certifications/" + certification + "/transmission").then().statusCode(200);
        given().auth().oauth2(TestTokens.certifier("1979")).contentType(ContentType.JSON)
                .body("{\"directory\": \"RS\", \"requestedOn\": \"2019-03-10\"}")
                .when().post("/certifications/" + certification + "/registrations").then().statusCode(201);

        List<Map<String, Object>> mine = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            mine.clear();
            long cursor = start;
            while (true) {
                var page = given().queryParam("after", cursor).queryParam("limit", 1).when().get("/events")
                        .then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> events = page.getList("events");
                if (events.isEmpty()) {
                    break;
                }
                events.stream().filter(e -> certification.equals(e.get("key"))).forEach(mine::add);
                cursor = page.getLong("nextCursor");
            }
            return mine.size() == 2;
        });
        assertThat(mine).extracting(e -> e.get("type")).containsExactly(
                "org.cqpsuite.registration.transmitted", "org.cqpsuite.registration.requested");
        assertThat(mine).extracting(e -> ((Number) e.get("sequence")).longValue()).containsExactly(1L, 2L);
        assertThat(((Map<?, ?>) mine.get(1).get("data")).get("sequence")).isEqualTo(2);
    }

    @Test
    void badCursorsAndLimitsAre400() {
        given().queryParam("after", -1).when().get("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().queryParam("limit", 5000).when().get("/events").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("after", "abc").when().get("/events").then().statusCode(400);
    }

    @Test
    void theAsyncApiDocumentAndItsSchemasAreServed() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("cqp.registration.events"))
                .body(containsString("schemas/registration-event-data.schema.json"));
        given().when().get("/schemas/registration-event-data.schema.json").then().statusCode(200)
                .body(containsString("urn:cqp-suite:schema:registration-event-data"));
        given().when().get("/schemas/nothing.schema.json").then().statusCode(404);
    }
}
