package org.cqpsuite.certification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cqpsuite.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void strongAndWeakTagsNameTheVersion() {
        assertThat(ETags.required("\"3\"")).isEqualTo(3);
        assertThat(ETags.required("W/\"12\"")).isEqualTo(12);
        assertThat(ETags.of(5).toString()).isEqualTo("\"5\"");
    }

    @Test
    void aMissingIfMatchIs428AndAForeignTagIs400() {
        assertThatThrownBy(() -> ETags.required(null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.required("  ")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.required("\"abc\"")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("If-Match")));
    }
}
