package org.cqpsuite.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    record Body(String title, Integer level, Boolean transversal, LocalDate date, List<String> codes) {
    }

    /** As in a service: Quarkus registers the JavaTimeModule, then the customizers run. */
    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void wellTypedBodiesAreRead() throws Exception {
        Body body = mapper.readValue("""
                {"title": "CQP", "level": 4, "transversal": true, "date": "2024-02-29", "codes": ["RNCP1"]}""",
                Body.class);
        assertThat(body).isEqualTo(new Body("CQP", 4, true, LocalDate.of(2024, 2, 29), List.of("RNCP1")));
        assertThat(mapper.readValue("{\"date\": \" 0001-01-01 \"}", Body.class).date()).isEqualTo("0001-01-01");
        assertThat(mapper.readValue("{\"date\": \"9999-12-31\"}", Body.class).date()).isEqualTo("9999-12-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\": 123}", "{\"title\": true}", "{\"title\": 1.5}", "{\"title\": {}}",
            "{\"level\": \"5\"}", "{\"level\": 1.5}", "{\"level\": true}", "{\"level\": \"\"}",
            "{\"transversal\": \"true\"}", "{\"transversal\": 1}", "{\"codes\": [1]}", "{\"codes\": \"RNCP1\"}",
            "{\"title\": \"a\\u0000b\"}", "{\"codes\": [\"\\u0000\"]}",
            "{\"date\": \"2025-02-30\"}", "{\"date\": \"0000-01-01\"}", "{\"date\": \"99999-01-01\"}",
            "{\"date\": \"+99999-01-01\"}", "{\"date\": \"-2024-01-01\"}", "{\"date\": \"2024-1-5\"}",
            "{\"date\": \"2024-01-15T10:00:00\"}", "{\"date\": 19000}", "{\"date\": [2024, 1, 15]}",
            "{\"date\": \"\"}"})
    void wrongTypesNulsAndImpossibleDatesAre400sNamingTheField(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Body.class))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> {
                    Problem problem = JsonProblems.of((JsonProcessingException) e).problem();
                    assertThat(problem.status()).isEqualTo(400);
                    String field = json.substring(2, json.indexOf('"', 2));
                    assertThat(problem.errors()).extracting(Problem.FieldError::field)
                            .allMatch(f -> f.startsWith(field), "names " + field);
                });
    }

    @Test
    void nulCharactersAndOverlongStringsNameTheirRule() throws Exception {
        for (String[] json : new String[][] {{"{\"codes\": [\"a\\u0000\"]}", "codes[0]", "nul-character"},
                {"{\"title\": \"" + "x".repeat(StrictJson.MAX_STRING_LENGTH + 1) + "\"}", "title", "max-length"}}) {
            assertThatThrownBy(() -> mapper.readValue(json[0], Body.class)).satisfies(e -> assertThat(
                    JsonProblems.of((JsonProcessingException) e).problem().errors())
                    .containsExactly(new Problem.FieldError(json[1], json[2], ((StrictJson.Refused) e)
                            .getOriginalMessage())));
        }
        assertThat(mapper.readValue("{\"title\": \"" + "x".repeat(StrictJson.MAX_STRING_LENGTH) + "\"}", Body.class)
                .title()).hasSize(StrictJson.MAX_STRING_LENGTH);
    }

    @Test
    void contentAfterTheValueIsMalformed() {
        assertThatThrownBy(() -> mapper.readValue("{\"title\": \"a\"}{}", Body.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void datesOfParametersFollowTheSameRule() {
        assertThat(Dates.parse("2024-02-29")).isEqualTo("2024-02-29");
        for (String bad : List.of("2023-02-29", "2024-13-01", "0000-01-01", "+99999-01-01", "-2024-01-01", "today")) {
            assertThat(Dates.parse(bad)).as(bad).isNull();
        }
    }
}
