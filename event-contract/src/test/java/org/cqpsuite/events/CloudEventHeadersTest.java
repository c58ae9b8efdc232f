package org.cqpsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void sequenceHeadersAreNineteenDigitsAndSortInSequenceOrder() {
        assertThat(CloudEventHeaders.formatSequence(0)).isEqualTo("0000000000000000000");
        assertThat(CloudEventHeaders.formatSequence(42)).isEqualTo("0000000000000000042");
        assertThat(CloudEventHeaders.formatSequence(Long.MAX_VALUE)).isEqualTo("9223372036854775807")
                .hasSize(CloudEventHeaders.SEQUENCE_DIGITS);
        assertThat(CloudEventHeaders.formatSequence(99)).isLessThan(CloudEventHeaders.formatSequence(100));
        assertThat(CloudEventHeaders.parseSequence("0000000000000000042")).isEqualTo(42);
        assertThatThrownBy(() -> CloudEventHeaders.formatSequence(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudEventHeaders.parseSequence("forty-two"))
                .isInstanceOf(NumberFormatException.class);
    }
}
