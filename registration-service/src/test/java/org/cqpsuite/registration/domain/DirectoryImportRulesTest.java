package org.cqpsuite.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cqpsuite.registration.domain.Fixtures.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.registration.domain.DirectoryImportRules.Applied;
import org.cqpsuite.registration.domain.DirectoryImportRules.Change;
import org.cqpsuite.registration.domain.DirectoryImportRules.Reconciliation;
import org.cqpsuite.registration.domain.DirectoryImportRules.Refused;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The directory import's rules: what a fiche must hold, how it is read, and how it meets what is recorded. */
class DirectoryImportRulesTest {

    static final UUID CERTIFICATION = UUID.fromString("5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10");
    static final LocalDate EXPORT = date("2026-08-16");
    static final LocalDate TODAY = date("2026-08-20");

    /** The brief's fiche: an active CQP in the RNCP, on request, level 4, one block, one predecessor. */
    static Fiche fiche() {
        return new Fiche();
    }

    /** A mutable builder of {@link DirectoryFiche}. */
    static final class Fiche {
        UUID certificationId = CERTIFICATION;
        String kind = "CQP";
        String directory = "RNCP";
        String code = "RNCP34486";
        Boolean active = true;
        String type = "ON_REQUEST";
        LocalDate decidedOn = date("2020-02-20");
        LocalDate effectiveFrom = date("2020-03-01");
        LocalDate endsOn = date("2025-03-01");
        LocalDate awardDeadline;
        Integer level = 4;
        List<Block> blocks = new ArrayList<>(List.of(new Block("RNCP34486BC01", "Préparer les postes")));
        List<String> predecessors = new ArrayList<>(List.of("RNCP18119"));
        List<String> successors = new ArrayList<>();
        String legalBasis;

        DirectoryFiche build() {
            return new DirectoryFiche(certificationId, kind, directory, code, active, type, decidedOn, effectiveFrom,
                    endsOn, awardDeadline, level, blocks, predecessors, successors, legalBasis);
        }

        ImportedRegistration read() {
            return DirectoryImportRules.read(DirectoryImportRules.normalise(build()));
        }

        Fiche rs() {
            directory = "RS";
            code = "RS5568";
            level = null;
            blocks = List.of();
            return this;
        }

        /**
         * A registration known from an official order that does not give its code: January 2014, on request, five
         * years, no level (decided before 2019), no blocks, no predecessor.
         */
        Fiche order() {
            code = null;
            legalBasis = ORDER;
            decidedOn = date("2014-01-20");
            effectiveFrom = date("2014-01-31");
            endsOn = date("2019-01-30");
            level = null;
            blocks = List.of();
            predecessors = List.of();
            return this;
        }
    }

    static final String ORDER = "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)";

    static List<Violation> validate(Fiche fiche) {
        return DirectoryImportRules.validate(DirectoryImportRules.normalise(fiche.build()));
    }

    @Nested
    class Validation {

        @Test
        void theBriefsFicheIsValidAndReadAsItIs() {
            assertThat(validate(fiche())).isEmpty();
            ImportedRegistration read = fiche().read();
            assertThat(read.kind()).isEqualTo(CertificationKind.CQP);
            assertThat(read.directory()).isEqualTo(Directory.RNCP);
            assertThat(read.registrationType()).isEqualTo(RegistrationType.ON_REQUEST);
            assertThat(read.decidedOn()).isEqualTo(date("2020-02-20"));
            assertThat(read.effectiveFrom()).isEqualTo(date("2020-03-01"));
            assertThat(read.level()).isEqualTo(4);
            assertThat(read.predecessorCode()).isEqualTo("RNCP18119");
            assertThat(read.successorCode()).isNull();
        }

        @Test
        void codesAndValuesAreNormalised() {
            Fiche fiche = fiche();
            fiche.code = " rncp34486 ";
            fiche.kind = "cqpi";
            fiche.directory = "rncp";
            fiche.type = " by_right";
            fiche.blocks = List.of(new Block("rncp34486bc1 ", "  Préparer  "));
            fiche.predecessors = List.of("rncp18119", "RS12");
            fiche.successors = List.of(" rs5568");
            ImportedRegistration read = fiche.read();

            assertThat(read.code()).isEqualTo("RNCP34486");
            assertThat(read.kind()).isEqualTo(CertificationKind.CQPI);
            assertThat(read.registrationType()).isEqualTo(RegistrationType.BY_RIGHT);
            assertThat(read.blocks()).containsExactly(new Block("RNCP34486BC1", "Préparer"));
            assertThat(read.predecessorCode()).as("the first only").isEqualTo("RNCP18119");
            assertThat(read.successorCode()).isEqualTo("RS5568");
        }

        @Test
        void everyMissingValueIsReportedAtOnce() {
            DirectoryFiche empty = new DirectoryFiche(null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
            assertThat(DirectoryImportRules.validate(empty)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("certificationId", "required"), tuple("kind", "required"),
                            tuple("directory", "required"), tuple("code", "required"), tuple("active", "required"),
                            tuple("registrationType", "required"), tuple("decidedOn", "required"));
            assertThat(DirectoryImportRules.validate(null)).extracting(Violation::field).containsExactly("body");
        }

        @ParameterizedTest(name = "{0} = {1}: {2} {3}")
        @CsvSource(nullValues = "null", value = {
            "kind, FORMATION, kind, type",
            "directory, RNCPX, directory, type",
            "registrationType, SUR_DEMANDE, registrationType, type",
            "code, RS5568, code, pattern",
            "code, RNCP1, code, pattern",
            "code, RNCP123456, code, pattern",
            "predecessor, 18119, predecessorCodes[0], pattern",
            "predecessor, ' ', predecessorCodes[0], required",
            "successor, RNCP34486BC01, successorCodes[0], pattern",
            "level, 9, level, range",
            "level, 0, level, range",
            "block, RNCP34486-01, blocks[0].code, pattern",
            "block, RNCP99999BC01, blocks[0].code, block-code-prefix"})
        void badValuesAreReportedOnTheirField(String what, String value, String field, String rule) {
            Fiche fiche = fiche();
            switch (what) {
                case "kind" -> fiche.kind = value;
                case "directory" -> fiche.directory = value;
                case "registrationType" -> fiche.type = value;
                case "code" -> fiche.code = value;
                case "predecessor" -> fiche.predecessors = Arrays.asList(value);
                case "successor" -> fiche.successors = List.of(value);
                case "level" -> fiche.level = Integer.valueOf(value);
                case "block" -> fiche.blocks = List.of(new Block(value, "Titre"));
                default -> throw new IllegalArgumentException(what);
            }
            assertThat(validate(fiche)).extracting(Violation::field, Violation::rule).contains(tuple(field, rule));
        }

        @Test
        void aFicheKnownFromAnOrderNeedsNoCodeButItsLegalBasis() {
            assertThat(validate(fiche().order())).isEmpty();
            ImportedRegistration read = fiche().order().read();
            assertThat(read.code()).isNull();
            assertThat(read.legalBasis()).isEqualTo(ORDER);
            assertThat(read.level()).isNull();

            Fiche withoutBasis = fiche().order();
            withoutBasis.legalBasis = null;
            assertThat(validate(withoutBasis)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("code", "required"));
            withoutBasis.legalBasis = "   ";
            assertThat(validate(withoutBasis)).as("blank is absent").extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("code", "required"));
            withoutBasis.code = " ";
            assertThat(validate(withoutBasis)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("code", "required"));
        }

        @Test
        void aLegalBasisIsStrippedAndAtMost300Characters() {
            Fiche fiche = fiche().order();
            fiche.legalBasis = "  " + ORDER + " ";
            assertThat(fiche.read().legalBasis()).isEqualTo(ORDER);

            fiche.legalBasis = " " + "é".repeat(300) + " ";
            assertThat(validate(fiche)).isEmpty();
            fiche.legalBasis = "é".repeat(301);
            assertThat(validate(fiche)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("legalBasis", "max-length"));

            Fiche withCode = fiche();
            withCode.legalBasis = ORDER;
            assertThat(validate(withCode)).as("a code and a legal basis").isEmpty();
            assertThat(withCode.read().code()).isEqualTo("RNCP34486");
            assertThat(withCode.read().legalBasis()).isEqualTo(ORDER);
        }

        @Test
        void aFicheWithoutCodeHasNoBlocksAndTheLevelRulesOfAnyOther() {
            Fiche withBlocks = fiche().order();
            withBlocks.blocks = List.of(new Block("RNCP34486BC01", "Préparer les postes"));
            assertThat(validate(withBlocks)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("blocks", "not-allowed"));

            Fiche old = fiche().order();
            old.level = 4;
            assertThat(validate(old)).isEmpty();
            assertThat(old.read().level()).as("decided before 2019: not recorded").isNull();

            Fiche recent = fiche().order();
            recent.decidedOn = date("2019-06-01");
            recent.effectiveFrom = date("2019-06-15");
            recent.endsOn = date("2024-06-14");
            assertThat(validate(recent)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("level", "required"));
            recent.level = 4;
            assertThat(recent.read().level()).isEqualTo(4);

            Fiche rs = fiche().order();
            rs.directory = "RS";
            rs.level = 3;
            assertThat(validate(rs)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("level", "not-allowed"));
        }

        @Test
        void theRsHasNoLevelNorBlocks() {
            assertThat(validate(fiche().rs())).isEmpty();
            Fiche withLevel = fiche().rs();
            withLevel.level = 4;
            assertThat(validate(withLevel)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("level", "not-allowed"));
            Fiche withBlocks = fiche().rs();
            withBlocks.blocks = List.of(new Block("RNCP34486BC01", "T"));
            assertThat(validate(withBlocks)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("blocks", "not-allowed"));
        }

        @Test
        void anRncpRegistrationDecidedSince2019NeedsALevelOneBeforeHasNoneRecorded() {
            Fiche noLevel = fiche();
            noLevel.level = null;
            assertThat(validate(noLevel)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("level", "required"));

            Fiche old = fiche();
            old.decidedOn = date("2016-09-12");
            old.effectiveFrom = date("2016-09-12");
            old.endsOn = date("2021-09-11");
            assertThat(validate(old)).as("the directory's NIVn of an old fiche is no violation").isEmpty();
            assertThat(old.read().level()).as("but it is not recorded").isNull();
            old.level = null;
            assertThat(validate(old)).isEmpty();
        }

        @Test
        void decisionAndEffectiveDatesStandInForEachOther() {
            Fiche noEffect = fiche();
            noEffect.effectiveFrom = null;
            assertThat(noEffect.read().effectiveFrom()).isEqualTo(date("2020-02-20"));

            Fiche noDecision = fiche();
            noDecision.decidedOn = null;
            assertThat(noDecision.read().decidedOn()).isEqualTo(date("2020-03-01"));

            Fiche neither = fiche();
            neither.decidedOn = null;
            neither.effectiveFrom = null;
            assertThat(validate(neither)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("decidedOn", "required"));
        }

        @Test
        void onlyARegistrationByRightMayHaveNoEndAndAnEndIsNotBeforeTheStart() {
            Fiche onRequest = fiche();
            onRequest.endsOn = null;
            assertThat(validate(onRequest)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("endsOn", "required"));
            onRequest.type = "BY_RIGHT";
            assertThat(validate(onRequest)).isEmpty();

            Fiche backwards = fiche();
            backwards.endsOn = date("2020-02-29");
            assertThat(validate(backwards)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("endsOn", "date-order"));
            backwards.endsOn = date("2020-03-01");
            assertThat(validate(backwards)).as("a one-day registration").isEmpty();
        }

        @Test
        void theDirectorysDatesAreRecordedAsTheyAre() {
            Fiche fiche = fiche();
            fiche.endsOn = date("2030-03-01");
            fiche.decidedOn = date("2026-09-01");
            fiche.awardDeadline = date("2019-01-01");
            assertThat(validate(fiche)).as("no five-year limit, future date or deadline order on import").isEmpty();
        }
    }

    @Nested
    class Status {

        @ParameterizedTest(name = "active={0} endsOn={1} → {2}")
        @CsvSource(nullValues = "null", value = {
            "true, 2025-03-01, REGISTERED",
            "true, null, REGISTERED",
            "false, 2026-08-15, EXPIRED",
            "false, 2026-08-16, WITHDRAWN",
            "false, 2030-01-01, WITHDRAWN",
            "false, null, WITHDRAWN"})
        void theFicheGivesTheStatusOnTheExportDate(boolean active, String endsOn, RegistrationStatus status) {
            Fiche fiche = fiche();
            fiche.active = active;
            fiche.type = "BY_RIGHT";
            fiche.endsOn = date(endsOn);
            assertThat(DirectoryImportRules.directoryStatus(fiche.read(), EXPORT)).isEqualTo(status);
        }

        @Test
        void theInferredWithdrawalReasonNamesTheExport() {
            assertThat(DirectoryImportRules.withdrawalReason(EXPORT))
                    .isEqualTo("Fiche inactive dans l'export du 16/08/2026");
        }
    }

    @Nested
    class Reconcile {

        Reconciliation reconcile(Registration current, Fiche fiche) {
            return DirectoryImportRules.reconcile(current, false, false, fiche.read(), EXPORT, TODAY);
        }

        Applied applied(Registration current, Fiche fiche) {
            Reconciliation reconciliation = reconcile(current, fiche);
            assertThat(reconciliation).isInstanceOf(Applied.class);
            return (Applied) reconciliation;
        }

        @Test
        void aNewActiveFicheIsANewRegisteredEntryWithoutRequestDay() {
            Applied applied = applied(null, fiche());

            assertThat(applied.change()).isEqualTo(Change.REGISTERED);
            Registration state = applied.state();
            assertThat(state.status()).isEqualTo(RegistrationStatus.REGISTERED);
            assertThat(state.requestedOn()).isNull();
            assertThat(state.code()).isEqualTo("RNCP34486");
            assertThat(state.decidedOn()).isEqualTo(date("2020-02-20"));
            assertThat(state.predecessorCode()).isEqualTo("RNCP18119");
            assertThat(state.withdrawnOn()).isNull();
        }

        @Test
        void aNewInactiveFicheIsExpiredAfterItsEndAndWithdrawnBefore() {
            Fiche ended = fiche();
            ended.active = false;
            assertThat(applied(null, ended).change()).isEqualTo(Change.EXPIRED);
            assertThat(applied(null, ended).state().status()).isEqualTo(RegistrationStatus.EXPIRED);

            Fiche cut = fiche();
            cut.active = false;
            cut.endsOn = date("2027-03-01");
            Applied withdrawn = applied(null, cut);
            assertThat(withdrawn.change()).isEqualTo(Change.WITHDRAWN);
            assertThat(withdrawn.state().withdrawnOn()).isEqualTo(EXPORT);
            assertThat(withdrawn.state().withdrawalReason()).isEqualTo("Fiche inactive dans l'export du 16/08/2026");
        }

        @Test
        void theSameFicheChangesNothing() {
            for (Fiche fiche : List.of(fiche(), inactive(fiche(), "2027-03-01"), inactive(fiche(), "2025-03-01"))) {
                Registration recorded = applied(null, fiche).state();
                assertThat(applied(recorded, fiche).change()).isEqualTo(Change.NONE);
                assertThat(applied(recorded, fiche).state()).isEqualTo(recorded);
            }
        }

        @Test
        void changedDataWithTheSameStatusIsACorrection() {
            Registration recorded = applied(null, fiche()).state();
            Fiche later = fiche();
            later.endsOn = date("2025-06-30");
            later.blocks = List.of(new Block("RNCP34486BC01", "Préparer les postes"), new Block("RNCP34486BC02", "B"));

            Applied applied = applied(recorded, later);
            assertThat(applied.change()).isEqualTo(Change.CORRECTED);
            assertThat(applied.state().endsOn()).isEqualTo(date("2025-06-30"));
            assertThat(applied.state().blocks()).hasSize(2);
        }

        @Test
        void aRegisteredEntryFollowsTheFicheToExpiredOrWithdrawn() {
            Registration recorded = applied(null, fiche()).state();

            Applied expired = applied(recorded, inactive(fiche(), "2025-03-01"));
            assertThat(expired.change()).isEqualTo(Change.EXPIRED);
            assertThat(expired.state().status()).isEqualTo(RegistrationStatus.EXPIRED);

            Applied withdrawn = applied(recorded, inactive(fiche(), "2027-03-01"));
            assertThat(withdrawn.change()).isEqualTo(Change.WITHDRAWN);
            assertThat(withdrawn.state().withdrawnOn()).isEqualTo(EXPORT);
        }

        @Test
        void aWithdrawalStaysAsFirstRecordedEvenOnceTheEndDateHasPassed() {
            Registration withdrawn = applied(null, inactive(fiche(), "2026-09-30")).state();
            Fiche laterExport = inactive(fiche(), "2026-09-30");

            Applied applied = (Applied) DirectoryImportRules.reconcile(withdrawn, false, false, laterExport.read(),
                    date("2026-11-01"), date("2026-11-02"));
            assertThat(applied.change()).isEqualTo(Change.NONE);
            assertThat(applied.state().withdrawnOn()).isEqualTo(EXPORT);
        }

        @Test
        void anExpiredOrWithdrawnEntryActiveAgainIsRefusedByTheStateMachine() {
            Fiche extended = fiche();
            extended.endsOn = date("2030-03-01");
            Registration expired = applied(null, inactive(fiche(), "2025-03-01")).state();
            Registration withdrawn = applied(null, inactive(fiche(), "2027-03-01")).state();

            for (Registration recorded : List.of(expired, withdrawn)) {
                Reconciliation refused = reconcile(recorded, extended);
                assertThat(refused).isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.violation().field()).isEqualTo("active");
                    assertThat(r.violation().rule()).isEqualTo(RegistrationLifecycle.NO_LONGER_REGISTERED);
                    assertThat(r.violation().message()).contains("registration is " + recorded.status());
                });
            }
        }

        @Test
        void anEntryExpiredByTheJobStaysExpiredWhileTheFicheStillSaysActive() {
            Fiche fiche = fiche();
            fiche.endsOn = date("2026-08-18");
            Registration expiredByTheJob = applied(null, fiche).state().withStatus(RegistrationStatus.EXPIRED);

            assertThat(applied(expiredByTheJob, fiche).change()).as("ended before today").isEqualTo(Change.NONE);
            fiche.endsOn = date("2026-08-19");
            assertThat(applied(expiredByTheJob, fiche).change()).isEqualTo(Change.CORRECTED);
            fiche.endsOn = date("2026-08-20");
            assertThat(reconcile(expiredByTheJob, fiche)).as("runs today: active again").isInstanceOf(Refused.class);
        }

        @Test
        void aReplacedEntryKeepsItsStatusAndItsSuccessor() {
            Registration registered = applied(null, fiche()).state();
            Registration replaced = RegistrationLifecycle.renew(registered, new Decision(Outcome.REGISTERED,
                    "RNCP39000", RegistrationType.ON_REQUEST, date("2025-01-10"), date("2025-03-02"),
                    date("2030-03-01"), 4, null, List.of())).replaced();

            Applied applied = (Applied) DirectoryImportRules.reconcile(replaced, false, true,
                    inactive(fiche(), "2025-03-01").read(), EXPORT, TODAY);
            assertThat(applied.change()).isEqualTo(Change.NONE);
            assertThat(applied.state().status()).isEqualTo(RegistrationStatus.REPLACED);
            assertThat(applied.state().successorCode()).isEqualTo("RNCP39000");
        }

        @Test
        void aLinkCodeMissingFromTheFicheIsKeptOnlyWhenLinkedById() {
            Registration recorded = applied(null, fiche()).state();
            Fiche without = fiche();
            without.predecessors = List.of();

            assertThat(applied(recorded, without).state().predecessorCode()).isNull();
            assertThat(applied(recorded, without).change()).isEqualTo(Change.CORRECTED);
            Applied linked = (Applied) DirectoryImportRules.reconcile(recorded, true, false, without.read(), EXPORT,
                    TODAY);
            assertThat(linked.state().predecessorCode()).isEqualTo("RNCP18119");
            assertThat(linked.change()).isEqualTo(Change.NONE);
        }

        @Test
        void aFicheKnownFromAnOrderIsAnEntryWithoutCodeRegisteredExpiredOrWithdrawn() {
            Fiche active = fiche().order();
            active.endsOn = date("2027-01-30");
            Applied registered = applied(null, active);
            assertThat(registered.change()).isEqualTo(Change.REGISTERED);
            assertThat(registered.state().code()).isNull();
            assertThat(registered.state().legalBasis()).isEqualTo(ORDER);
            assertThat(registered.state().requestedOn()).isNull();
            assertThat(registered.state().designation()).isEqualTo('"' + ORDER + '"');

            Applied expired = applied(null, inactive(fiche().order(), "2019-01-30"));
            assertThat(expired.change()).isEqualTo(Change.EXPIRED);
            assertThat(expired.state().status()).isEqualTo(RegistrationStatus.EXPIRED);
            assertThat(expired.state().legalBasis()).isEqualTo(ORDER);
            assertThat(applied(expired.state(), inactive(fiche().order(), "2019-01-30")).change())
                    .as("the same fiche again").isEqualTo(Change.NONE);

            Applied withdrawn = applied(registered.state(), inactive(fiche().order(), "2027-01-30"));
            assertThat(withdrawn.change()).isEqualTo(Change.WITHDRAWN);
            assertThat(withdrawn.state().legalBasis()).isEqualTo(ORDER);

            Fiche reactivated = fiche().order();
            reactivated.endsOn = date("2027-01-30");
            assertThat(reconcile(withdrawn.state(), reactivated)).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.violation().message()).contains("fiche \"" + ORDER + "\" active"));
        }

        @Test
        void aLegalBasisGivenOrChangedLaterIsACorrection() {
            Registration recorded = applied(null, fiche()).state();
            Fiche withBasis = fiche();
            withBasis.legalBasis = ORDER;

            Applied applied = applied(recorded, withBasis);
            assertThat(applied.change()).isEqualTo(Change.CORRECTED);
            assertThat(applied.state().code()).isEqualTo("RNCP34486");
            assertThat(applied.state().legalBasis()).isEqualTo(ORDER);
        }

        @Test
        void aRegistrationByRightWithoutEndIsRecordedAndNeverDueForExpiry() {
            Fiche byRight = fiche();
            byRight.type = "BY_RIGHT";
            byRight.endsOn = null;
            Registration state = applied(null, byRight).state();

            assertThat(state.endsOn()).isNull();
            assertThat(state.expiresOn()).isNull();
            assertThat(RegistrationLifecycle.isDueForExpiry(state, date("2099-01-01"))).isFalse();
            assertThat(RegistrationLifecycle.registrationInForce(state, date("2099-01-01"))).isTrue();
            assertThat(RegistrationLifecycle.registrationInForce(state, date("2020-02-29"))).isFalse();
        }

        Fiche inactive(Fiche fiche, String endsOn) {
            fiche.active = false;
            fiche.endsOn = date(endsOn);
            return fiche;
        }
    }
}
