package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqpsuite.importer.Exports;
import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./suite import} of the real samples through the running suite: the report is right, the eligibility answers
 * on the export date agree with every fiche's ACTIF / Actif flag, importing again publishes nothing, and an edited copy
 * of an export publishes exactly the changed fiches' events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryImportIT {

    private static final Path DEMO = SuiteRoot.ROOT.resolve("demo-data/france-competences");
    private static final Path CSV = DEMO.resolve("csv-2021-01");
    private static final Path XML = DEMO.resolve("xml-v4.1");
    private static final List<String> TOPICS = List.of("cqp.certification.events", "cqp.registration.events");
    private static LocalSuite suite;

    @BeforeAll
    static void up() throws Exception {
        suite = new LocalSuite("import-home");
        LocalSuite.Result up = suite.suite("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            suite.suite("down");
        }
    }

    @Test
    @Order(1)
    void theCsvSetIsImportedWithACorrectReport() throws Exception {
        LocalSuite.Result imported = suite.suite("import", CSV.toString());
        System.out.println(imported.output());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(figure(imported.output(), "fiches read")).isEqualTo(2580);
        assertThat(figure(imported.output(), "created")).isEqualTo(2580);
        assertThat(figure(imported.output(), "rejected")).isZero();
        assertThat(imported.output()).contains("CQP         20").contains("RNCP31053  CQP");
    }

    @Test
    @Order(2)
    void eligibilityOnTheExportDateAgreesWithEveryFichesFlag() throws Exception {
        awaitEligibilityKnows(fiches(CSV), LocalDate.of(2021, 1, 31));
        // The example of the issue: Commis de cuisine, CPNE de l'industrie hôtelière (HCR, IDCC 1979).
        JsonNode before = suite.get("eligibility", "/eligibility/cpf?code=RNCP31053&date=2021-01-15").json();
        assertThat(before.get("eligible").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.at("/certification/kind").asText()).isEqualTo("CQP");
        JsonNode after = suite.get("eligibility", "/eligibility/cpf?code=RNCP31053&date=2024-01-15").json();
        assertThat(after.get("eligible").asBoolean()).as(after.toString()).isFalse();
        JsonNode recognition = suite.get("eligibility",
                "/recognition?code=RNCP31053&idcc=1979&date=2021-01-15").json();
        assertThat(recognition.get("recognized").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void importingTheSameExportAgainChangesNothingAndPublishesNothing() throws Exception {
        Map<String, Long> before = suite.endOffsets(TOPICS);
        LocalSuite.Result again = suite.suite("import", CSV.toString());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(figure(again.output(), "unchanged")).isEqualTo(2580);
        assertThat(figure(again.output(), "created")).isZero();
        assertThat(figure(again.output(), "updated")).isZero();
        Thread.sleep(2_000); // the outbox relay publishes right after commit: give it time to publish anything
        assertThat(suite.endOffsets(TOPICS)).isEqualTo(before);
    }

    @Test
    @Order(4)
    void theXmlSamplesAreImportedAndAgreeWithTheirFlags() throws Exception {
        LocalSuite.Result imported = suite.suite("import", XML.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(figure(imported.output(), "fiches read")).isEqualTo(20);
        assertThat(figure(imported.output(), "rejected")).isZero();
        awaitEligibilityKnows(fiches(XML), LocalDate.of(2026, 8, 16));
    }

    @Test
    @Order(5)
    void anEditedExportPublishesExactlyTheChangedFichesEvents() throws Exception {
        Path edited = Files.createDirectories(suite.home.resolve("edited-2026-09-01"));
        Path rncp = XML.resolve("export_fiches_RNCP_V4_1_2026-08-16_sample.xml");
        String xml = Files.readString(rncp, StandardCharsets.UTF_8);
        // One active fiche gets a later end date (a correction); nothing else changes.
        Fiche target = fiches(XML).stream().filter(f -> f.active() && f.endDate() != null
                && f.directory().name().equals("RNCP")).findFirst().orElseThrow();
        String oldEnd = dd(target.endDate());
        String newEnd = dd(target.endDate().plusYears(1));
        int at = xml.indexOf("<NUMERO_FICHE>" + target.code() + "</NUMERO_FICHE>");
        assertThat(at).isPositive();
        int end = xml.indexOf("</FICHE>", at);
        String fiche = xml.substring(at, end);
        assertThat(fiche).contains(oldEnd);
        xml = xml.substring(0, at) + fiche.replace("<DATE_FIN_ENREGISTREMENT>" + oldEnd,
                "<DATE_FIN_ENREGISTREMENT>" + newEnd) + xml.substring(end);
        Files.writeString(edited.resolve("export_fiches_RNCP_V4_1_2026-09-01_sample.xml"), xml);
        Files.copy(XML.resolve("export_fiches_RS_V4_1_2026-08-16_sample.xml"),
                edited.resolve("export_fiches_RS_V4_1_2026-09-01_sample.xml"));

        Map<String, Long> before = suite.endOffsets(TOPICS);
        LocalSuite.Result imported = suite.suite("import", edited.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(figure(imported.output(), "updated")).isEqualTo(1);
        assertThat(figure(imported.output(), "unchanged")).isEqualTo(19);
        Thread.sleep(2_000);
        Map<String, Long> after = suite.endOffsets(TOPICS);
        assertThat(after.get("cqp.certification.events")).isEqualTo(before.get("cqp.certification.events"));
        assertThat(after.get("cqp.registration.events") - before.get("cqp.registration.events")).isEqualTo(1);
        JsonNode answer = suite.get("eligibility", "/eligibility/cpf?code=" + target.code() + "&date="
                + target.endDate().plusMonths(6)).json();
        long waited = 0;
        while (!answer.path("eligible").asBoolean() && waited < 20_000) {
            Thread.sleep(200);
            waited += 200;
            answer = suite.get("eligibility", "/eligibility/cpf?code=" + target.code() + "&date="
                    + target.endDate().plusMonths(6)).json();
        }
        assertThat(answer.get("eligible").asBoolean()).as(answer.toString()).isTrue();
    }

    @Test
    @Order(6)
    void theCqpsOfThe2014OrdersAreEligibleWhileTheOrderRegistersThem() throws Exception {
        Path orders = SuiteRoot.ROOT.resolve("demo-data/legifrance/cqp_registered_rncp_arretes_2014.csv");
        LocalSuite.Result imported = suite.suite("import", orders.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(figure(imported.output(), "fiches read")).isEqualTo(31);
        assertThat(figure(imported.output(), "created")).isEqualTo(31);
        assertThat(figure(imported.output(), "rejected")).isZero();

        // "Technicien(ne) de la qualité (CQPI)": textile, habillement, cuirs et peaux, chaussure; order of 2014-01-20, 5 years.
        JsonNode page = null;
        for (int i = 0; i < 100; i++) {
            page = suite.get("eligibility", "/eligible-certifications?date=2016-01-01&q=technicien(ne)%20de%20la%20qualit")
                    .json();
            if (page.get("total").asInt() == 1) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(page.get("total").asInt()).as(page.toString()).isEqualTo(1);
        JsonNode item = page.at("/items/0");
        assertThat(item.at("/basis/code").isNull()).isTrue();
        assertThat(item.at("/basis/legalBasis").asText()).isEqualTo("Arrêté du 20 janvier 2014 (NOR ETSD1401196A)");
        assertThat(item.get("carryingBranches").toString()).contains("0018", "0247", "0207", "1580");
        String id = item.get("id").asText();
        JsonNode after = suite.get("eligibility", "/eligibility/cpf?certification=" + id + "&date=2019-01-20").json();
        assertThat(after.get("eligible").asBoolean()).isFalse();
        JsonNode inItsBranch = suite.get("eligibility", "/recognition?certification=" + id
                + "&idcc=1580&date=2020-01-01").json();
        assertThat(inItsBranch.get("recognized").asBoolean()).isTrue();
        assertThat(inItsBranch.get("scope").asText()).isEqualTo("CARRYING_BRANCHES");
        JsonNode awarded = suite.get("eligibility", "/recognition?certification=" + id
                + "&idcc=1486&date=2020-01-01&awardedOn=2016-06-30").json();
        assertThat(awarded.get("scope").asText()).isEqualTo("ALL_BRANCHES");

        LocalSuite.Result again = suite.suite("import", orders.toString());
        assertThat(figure(again.output(), "unchanged")).isEqualTo(31);
    }

    /** Waits until the eligibility-service answers every fiche, then checks each answer against its flag. */
    private static void awaitEligibilityKnows(List<Fiche> fiches, LocalDate exportDate) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> disagreements = new ArrayList<>();
        for (int from = 0; from < fiches.size(); from += 1000) {
            List<Fiche> batch = fiches.subList(from, Math.min(fiches.size(), from + 1000));
            StringBuilder body = new StringBuilder("{\"date\": \"" + exportDate + "\", \"codes\": [");
            for (int i = 0; i < batch.size(); i++) {
                body.append(i == 0 ? "" : ",").append('"').append(batch.get(i).code()).append('"');
            }
            body.append("]}");
            JsonNode results;
            while (true) {
                results = suite.send("eligibility", "POST", "/eligibility/cpf/batch", null, body.toString())
                        .json().get("results");
                boolean allKnown = true;
                for (int i = 0; i < batch.size(); i++) {
                    allKnown &= results.get(i).has("answer") || !dated(batch.get(i));
                }
                if (allKnown || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(500);
            }
            for (int i = 0; i < batch.size(); i++) {
                Fiche fiche = batch.get(i);
                JsonNode answer = results.get(i).get("answer");
                if (!dated(fiche)) {
                    // An inactive fiche without any date: only its certification is written, its code is unknown.
                    if (answer != null || results.get(i).at("/error/status").asInt() != 404) {
                        disagreements.add(fiche.code() + " (undated, inactive): " + results.get(i));
                    }
                } else if (answer == null) {
                    disagreements.add(fiche.code() + ": " + results.get(i));
                } else if (answer.get("eligible").asBoolean() != fiche.active()) {
                    disagreements.add(fiche.code() + " active=" + fiche.active() + " end=" + fiche.endDate()
                            + ": " + answer.get("reasons"));
                }
            }
        }
        assertThat(disagreements).as("fiches whose answer on %s disagrees with their flag", exportDate).isEmpty();
    }

    private static boolean dated(Fiche fiche) {
        return fiche.active() || fiche.decisionDate() != null || fiche.effectiveDate() != null
                || fiche.endDate() != null;
    }

    private static List<Fiche> fiches(Path export) throws Exception {
        List<Fiche> fiches = new ArrayList<>();
        try (FicheSource source = Exports.open(export)) {
            while (source.hasNext()) {
                if (source.next() instanceof FicheResult.Accepted accepted) {
                    fiches.add(accepted.fiche());
                }
            }
        }
        return fiches;
    }

    private static long figure(String report, String label) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+(\\d+)$").matcher(report);
        assertThat(m.find()).as("'%s' in the report:%n%s", label, report).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String dd(LocalDate date) {
        return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
