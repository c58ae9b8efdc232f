package org.cqpsuite.certification.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Branches are written through Panache to the service's own PostgreSQL database, whose constraints hold. */
@QuarkusTest
class BranchPersistenceTest {

    @Test
    void aBranchWrittenThroughPanacheIsReadBackFromPostgres() {
        QuarkusTransaction.requiringNew().run(() -> {
            Branch branch = new Branch();
            branch.idcc = "9901";
            branch.label = "Convention collective de test";
            branch.legalState = "VIGUEUR_ETEN";
            branch.persist();
        });

        Branch found = QuarkusTransaction.requiringNew().call(() -> Branch.findById("9901"));
        assertThat(found.label).isEqualTo("Convention collective de test");
        String database = QuarkusTransaction.requiringNew().call(() -> (String) Branch.getEntityManager()
                .createNativeQuery("SELECT version()").getSingleResult());
        assertThat(database).startsWith("PostgreSQL");
        QuarkusTransaction.requiringNew().run(() -> Branch.deleteById("9901"));
    }

    @Test
    void theDatabaseRejectsAnIdccThatIsNotFourDigits() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Branch branch = new Branch();
            branch.idcc = "18";
            branch.label = "IDCC mal formé";
            branch.legalState = "VIGUEUR_ETEN";
            branch.persist();
        })).hasStackTraceContaining("branch_idcc_check");
        Branch rejected = QuarkusTransaction.requiringNew().call(() -> Branch.findById("18"));
        assertThat(rejected).isNull();
    }
}
