package org.cqpsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void headersOfTheKafkaProtocolBindingInBinaryMode() {
        assertThat(java.util.List.of(CloudEventHeaders.CE_SPECVERSION, CloudEventHeaders.CE_ID, CloudEventHeaders.CE_TYPE,
                CloudEventHeaders.CE_SOURCE, CloudEventHeaders.CE_SUBJECT, CloudEventHeaders.CE_TIME,
                CloudEventHeaders.CE_SEQUENCE, CloudEventHeaders.CONTENT_TYPE)).containsExactly("ce_specversion",
                        "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_sequence", "content-type");
        assertThat(CloudEventHeaders.SPEC_VERSION).isEqualTo("1.0");
        assertThat(CloudEventHeaders.DATA_CONTENT_TYPE).isEqualTo("application/json");
    }

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
