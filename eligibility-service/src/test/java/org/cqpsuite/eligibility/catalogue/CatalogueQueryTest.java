package org.cqpsuite.eligibility.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cqpsuite.eligibility.ReadModelSeed;
import org.cqpsuite.eligibility.TestEvents;
import org.cqpsuite.eligibility.rules.CertificationFacts;
import org.cqpsuite.eligibility.rules.CpfAnswer;
import org.cqpsuite.eligibility.rules.CpfEligibility;
import org.cqpsuite.eligibility.rules.CrossBranchRecognition;
import org.cqpsuite.eligibility.rules.RegistrationFacts;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.certification.CpneState;
import org.cqpsuite.events.registration.BlockState;
import org.cqpsuite.events.registration.RegistrationEntry;
import org.cqpsuite.events.registration.RegistrationState;
import org.cqpsuite.events.registration.TransmissionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogue selects in SQL what the Java rules decide: on 300 generated certifications (every kind, with or
 * without transmission, 0 to 3 registrations of every status, directory, level and decision year), for several dates
 * and filters, the catalogue lists exactly those that {@link CpfEligibility} says are eligible (and
 * {@link CrossBranchRecognition} recognised in the branch), with the same basis and level.
 */
@QuarkusTest
@QuarkusTestResource(value = org.cqpsuite.testinfra.RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "eligibility"))
class CatalogueQueryTest {

    private static final List<String> STATUSES = RegistrationEntry.STATUSES;
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2018, 12, 31), LocalDate.of(2020, 6, 1),
            LocalDate.of(2022, 1, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2026, 12, 31));

    @Inject
    ReadModelSeed seed;

    // Generated once for the class (the read model keeps them): every test reads the same 300.
    private static final List<CertificationFacts> generated = new ArrayList<>();
    private static String tag;

    @BeforeEach
    void generate() {
        if (!generated.isEmpty()) {
            return;
        }
        Random random = new Random(20261127);
        tag = "gen" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 300; i++) {
            UUID id = UUID.randomUUID();
            String kind = CertificationState.KINDS.get(random.nextInt(3));
            String idcc = String.format("%04d", 1 + random.nextInt(3));
            CertificationState state = TestEvents.certification(id, kind, "Cert " + tag + " " + i,
                    new CpneState("CPNE " + idcc, idcc));
            seed.certification(1, state);
            List<TransmissionState> transmissions = new ArrayList<>();
            int transmitted = random.nextInt(3);
            for (int t = 0; t < transmitted; t++) {
                transmissions.add(new TransmissionState(date(random), null, null, false));
            }
            List<RegistrationEntry> entries = new ArrayList<>();
            int count = random.nextInt(4);
            for (int r = 0; r < count; r++) {
                entries.add(entry(random, r));
            }
            RegistrationState registrations = new RegistrationState(id, transmissions, entries);
            if (!transmissions.isEmpty() || !entries.isEmpty()) {
                seed.registrations(1, registrations);
            }
            generated.add(new CertificationFacts(id, CertificationFacts.Kind.valueOf(kind), state.title(),
                    state.carryingBranches(), transmissions.stream().map(TransmissionState::transmittedOn).toList(),
                    entries.stream().map(CatalogueQueryTest::facts).toList()));
        }
    }

    @Test
    void theCatalogueListsExactlyWhatTheRulesSayIsEligible() {
        for (LocalDate date : DATES) {
            Set<String> expected = generated.stream()
                    .filter(c -> CpfEligibility.evaluate(c, date, Optional.empty()).eligible())
                    .map(c -> c.id().toString()).collect(Collectors.toCollection(TreeSet::new));
            List<JsonPath> items = catalogue(date, null, null);
            assertThat(ids(items)).as("eligible on %s", date).isEqualTo(expected);
            for (JsonPath item : items) {
                CpfAnswer answer = CpfEligibility.evaluate(byId(item.getString("id")), date, Optional.empty());
                assertThat(item.getString("basis.code")).isEqualTo(answer.basis().code());
                assertThat((Integer) item.get("basis.level")).isEqualTo(answer.level());
            }
        }
        assertThat(catalogue(LocalDate.of(2022, 1, 1), null, null)).as("the generation covers eligible ones")
                .hasSizeGreaterThan(20);
    }

    @Test
    void theBranchFilterKeepsWhatIsRecognisedInTheBranch() {
        for (LocalDate date : DATES) {
            Set<String> expected = generated.stream()
                    .filter(c -> CpfEligibility.evaluate(c, date, Optional.empty()).eligible())
                    .filter(c -> CrossBranchRecognition.evaluate(c, "0002", date, Optional.empty()).recognized())
                    .map(c -> c.id().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(ids(catalogue(date, "0002", null))).as("recognised in 0002 on %s", date)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theLevelFilterKeepsThoseWhoseBasisAttributesTheLevel() {
        for (LocalDate date : DATES) {
            for (int level = 3; level <= 7; level++) {
                int wanted = level;
                Set<String> expected = generated.stream()
                        .filter(c -> {
                            CpfAnswer answer = CpfEligibility.evaluate(c, date, Optional.empty());
                            return answer.eligible() && Integer.valueOf(wanted).equals(answer.level());
                        })
                        .map(c -> c.id().toString()).collect(Collectors.toCollection(TreeSet::new));
                assertThat(ids(catalogue(date, null, level))).as("level %d on %s", level, date)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void pagesAreDisjointAndTheTotalIsTheSameOnEveryPage() {
        LocalDate date = LocalDate.of(2022, 1, 1);
        JsonPath first = given().queryParam("date", date.toString()).queryParam("q", tag).queryParam("size", 7)
                .get("/eligible-certifications").then().statusCode(200).extract().jsonPath();
        int total = first.getInt("total");
        List<String> seen = new ArrayList<>();
        for (int page = 0; page * 7 < total; page++) {
            JsonPath p = given().queryParam("date", date.toString()).queryParam("q", tag).queryParam("size", 7)
                    .queryParam("page", page).get("/eligible-certifications").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(p.getInt("total")).isEqualTo(total);
            seen.addAll(p.getList("items.id"));
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        List<String> titles = new ArrayList<>();
        for (String id : seen) {
            titles.add(byId(id).title());
        }
        assertThat(titles).isSorted();
    }

    private List<JsonPath> catalogue(LocalDate date, String idcc, Integer level) {
        var request = given().queryParam("date", date.toString()).queryParam("q", tag).queryParam("size", 200);
        if (idcc != null) {
            request = request.queryParam("idcc", idcc);
        }
        if (level != null) {
            request = request.queryParam("level", level);
        }
        JsonPath page = request.get("/eligible-certifications").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isLessThanOrEqualTo(200);
        List<JsonPath> items = new ArrayList<>();
        for (int i = 0; i < page.getList("items").size(); i++) {
            items.add(new JsonPath(TestEvents.JSON.valueToTree(page.getMap("items[" + i + "]")).toString()));
        }
        assertThat(items).hasSize(page.getInt("total"));
        return items;
    }

    private static Set<String> ids(List<JsonPath> items) {
        Set<String> ids = new TreeSet<>();
        items.forEach(i -> ids.add(i.getString("id")));
        return ids;
    }

    private CertificationFacts byId(String id) {
        return generated.stream().filter(c -> c.id().toString().equals(id)).findFirst().orElseThrow();
    }

    private static LocalDate date(Random random) {
        return LocalDate.of(2017, 1, 1).plusDays(random.nextInt(365 * 10));
    }

    private static RegistrationEntry entry(Random random, int position) {
        String status = STATUSES.get(random.nextInt(STATUSES.size()));
        boolean rncp = random.nextInt(3) > 0;
        boolean registeredOnce = !status.equals("REQUESTED") && !status.equals("REFUSED")
                && !(status.equals("WITHDRAWN") && random.nextBoolean());
        LocalDate decided = date(random);
        LocalDate from = registeredOnce ? decided.plusDays(random.nextInt(60)) : null;
        LocalDate to = registeredOnce && random.nextInt(5) > 0 ? from.plusDays(random.nextInt(365 * 5)) : null;
        Integer level = registeredOnce && rncp && random.nextBoolean() ? 3 + random.nextInt(5) : null;
        LocalDate withdrawn = status.equals("WITHDRAWN") ? (from != null ? from : decided).plusDays(random.nextInt(900))
                : null;
        String code = registeredOnce ? (rncp ? TestEvents.rncpCode() : TestEvents.rsCode()) : null;
        return new RegistrationEntry(UUID.randomUUID(), rncp ? "RNCP" : "RS", code, status,
                status.equals("REQUESTED") ? null : "ON_REQUEST", decided.minusMonths(1),
                status.equals("REQUESTED") ? null : decided, from, to, null, level,
                code != null && rncp ? List.of(new BlockState(code + "BC01", "Bloc")) : List.of(), withdrawn,
                null, null, null, null, null);
    }

    private static RegistrationFacts facts(RegistrationEntry e) {
        return new RegistrationFacts(e.id(), RegistrationFacts.Directory.valueOf(e.directory()), e.code(),
                RegistrationFacts.Status.valueOf(e.status()), e.effectiveFrom(), e.endsOn(), e.decidedOn(), e.level(),
                e.blocks().stream().map(BlockState::code).toList(), e.withdrawnOn(), e.successorId(),
                e.successorCode());
    }
}
