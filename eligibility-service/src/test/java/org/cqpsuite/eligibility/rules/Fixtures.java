package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.eligibility.rules.CertificationFacts.Kind;
import org.cqpsuite.eligibility.rules.RegistrationFacts.Directory;
import org.cqpsuite.eligibility.rules.RegistrationFacts.Status;

/** Builders for the rules' input. Defaults: an RNCP registration decided 2019-06-01, 2019-06-15 → 2024-06-14. */
final class Fixtures {

    static final UUID CERTIFICATION_ID = UUID.fromString("3f2b8c1e-6d4a-4f7b-9a51-0c2e7d9b4a10");

    private Fixtures() {
    }

    static LocalDate date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }

    static Reg rncp() {
        return new Reg(Directory.RNCP, "RNCP34486").level(4).blocks("RNCP34486BC01", "RNCP34486BC02");
    }

    static Reg rs() {
        return new Reg(Directory.RS, "RS5568");
    }

    static Cert cqp() {
        return new Cert(Kind.CQP).transmitted("2019-03-01");
    }

    static final class Reg {
        UUID id = UUID.randomUUID();
        Directory directory;
        String code;
        Status status = Status.REGISTERED;
        LocalDate effectiveFrom = date("2019-06-15");
        LocalDate endsOn = date("2024-06-14");
        LocalDate decidedOn = date("2019-06-01");
        Integer level;
        List<String> blocks = List.of();
        LocalDate withdrawnOn;
        UUID successorId;
        String successorCode;

        Reg(Directory directory, String code) {
            this.directory = directory;
            this.code = code;
        }

        Reg id(UUID value) { id = value; return this; }
        Reg code(String value) { code = value; return this; }
        Reg status(Status value) { status = value; return this; }
        Reg from(String value) { effectiveFrom = date(value); return this; }
        Reg ends(String value) { endsOn = date(value); return this; }
        Reg decided(String value) { decidedOn = date(value); return this; }
        Reg level(Integer value) { level = value; return this; }
        Reg blocks(String... values) { blocks = Arrays.asList(values); return this; }
        Reg withdrawn(String value) { withdrawnOn = date(value); status = Status.WITHDRAWN; return this; }

        Reg replacedBy(RegistrationFacts successor) {
            status = Status.REPLACED;
            successorId = successor.id();
            successorCode = successor.code();
            return this;
        }

        RegistrationFacts build() {
            return new RegistrationFacts(id, directory, code, status, effectiveFrom, endsOn, decidedOn, level, blocks,
                    withdrawnOn, successorId, successorCode);
        }
    }

    static final class Cert {
        Kind kind;
        List<String> branches = List.of("0018");
        List<LocalDate> transmissions = new ArrayList<>();
        List<RegistrationFacts> registrations = new ArrayList<>();

        Cert(Kind kind) {
            this.kind = kind;
        }

        Cert transmitted(String... dates) {
            transmissions = Arrays.stream(dates).map(Fixtures::date).toList();
            return this;
        }

        Cert branches(String... idccs) { branches = List.of(idccs); return this; }

        Cert with(RegistrationFacts... values) {
            registrations.addAll(List.of(values));
            return this;
        }

        Cert with(Reg... values) {
            Arrays.stream(values).map(Reg::build).forEach(registrations::add);
            return this;
        }

        CertificationFacts build() {
            return new CertificationFacts(CERTIFICATION_ID, kind, "Opérateur qualité", branches, transmissions,
                    registrations);
        }
    }
}
