package org.cqpsuite.eligibility.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalTest {

    private final Canonical canonical = new Canonical(4);

    @Test
    void equalValuesShareTheFirstInstance() {
        String first = new String("3248");
        String second = new String("3248");

        assertThat(canonical.of(first)).isSameAs(first);
        assertThat(canonical.of(second)).isSameAs(first);
        assertThat(canonical.of(LocalDate.of(2021, 2, 1))).isSameAs(canonical.of(LocalDate.of(2021, 2, 1)));
        assertThat(canonical.of(new String("0018"))).isNotSameAs(first).isEqualTo("0018");
    }

    @Test
    void aListIsSharedAndSoAreItsElements() {
        String idcc = new String("3248");
        List<String> shared = canonical.list(new ArrayList<>(List.of(idcc, new String("0018"))));

        List<String> again = canonical.list(List.of(new String("3248"), new String("0018")));

        assertThat(again).isSameAs(shared).containsExactly("3248", "0018");
        assertThat(again.get(0)).isSameAs(idcc);
        assertThat(canonical.of(new String("3248"))).isSameAs(idcc);
        assertThat(canonical.list(List.of(new String("0018")))).containsExactly("0018").isNotSameAs(shared);
    }

    @Test
    void aReadListStaysUnmodifiable() {
        List<String> read = new ArrayList<>(List.of("3248"));

        List<String> shared = canonical.list(read);
        read.add("0018");

        assertThat(shared).containsExactly("3248");
        assertThat(canonical.list(List.of())).isEmpty();
    }

    @Test
    void pastItsLimitNewValuesAreKeptAsRead() {
        for (String value : List.of("a", "b", "c", "d")) {
            canonical.of(value);
        }
        String fifth = new String("e");

        assertThat(canonical.of(fifth)).isSameAs(fifth);
        assertThat(canonical.of(new String("e"))).isNotSameAs(fifth).isEqualTo("e");
        assertThat(canonical.size()).isEqualTo(4);
        // The values shared before the limit still are.
        assertThat(canonical.of(new String("a"))).isSameAs(canonical.of("a"));
    }

    @Test
    void nullStaysNull() {
        assertThat(canonical.<String>of(null)).isNull();
        assertThat(canonical.size()).isZero();
    }
}
