package org.cqpsuite.certification.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteScopeTest {

    @Test
    void anAdminMayChangeAnyCertification() {
        assertThat(WriteScope.outsideScope(Set.of("admin"), Set.of(), List.of("0018", "1580"))).isEmpty();
    }

    @Test
    void aCertifierMayChangeOnlyCertificationsAllOfWhoseBranchesAreInItsClaim() {
        assertThat(WriteScope.outsideScope(Set.of("certifier"), Set.of("0018", "0247"), List.of("0247", "0018")))
                .isEmpty();
        assertThat(WriteScope.outsideScope(Set.of("certifier"), Set.of("0018"), List.of("0247", "0018", "1580")))
                .containsExactly("0247", "1580");
        assertThat(WriteScope.outsideScope(Set.of("certifier"), Set.of(), List.of("0018"))).containsExactly("0018");
    }

    @Test
    void aCertificationCarriedByNoBranchIsAnAdminsOnly() {
        assertThat(WriteScope.mayWrite(Set.of("admin"), Set.of(), List.of())).isTrue();
        assertThat(WriteScope.mayWrite(Set.of("certifier"), Set.of("0018"), List.of())).isFalse();
        assertThat(WriteScope.mayWrite(Set.of("certifier"), Set.of(), List.of())).isFalse();
        assertThat(WriteScope.mayWrite(Set.of("certifier"), Set.of("0018"), List.of("0018"))).isTrue();
        assertThat(WriteScope.mayWrite(Set.of("certifier"), Set.of("0018"), List.of("0018", "0247"))).isFalse();
        assertThat(WriteScope.mayWrite(Set.of("registrar"), Set.of("0018"), List.of("0018"))).isFalse();
        assertThat(WriteScope.mayWrite(Set.of(), Set.of("0018"), List.of("0018"))).isFalse();
    }

    @Test
    void anyOtherRoleMayChangeNothing() {
        assertThat(WriteScope.outsideScope(Set.of("registrar"), Set.of("0018"), List.of("0018")))
                .containsExactly("0018");
    }
}
