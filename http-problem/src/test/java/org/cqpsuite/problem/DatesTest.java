package org.cqpsuite.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15", " 2024-01-15 ", "2024-02-29", "0001-01-01", "9999-12-31", "2000-02-29"})
    void aCalendarDateIsADate(String text) {
        assertThat(Dates.parse(text)).isEqualTo(LocalDate.parse(text.trim()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2023-02-29", "2025-02-30", "1900-02-29", "2024-04-31", "0000-01-01", "2024-13-01",
            "2024-00-10", "2024-01-00", "2024-01-32", "2024-1-5", "2024-01-5", "+99999-01-01", "99999-01-01",
            "-2024-01-01", "2024-01-15T00:00", "2024-01-15Z", "20240115", "2024/01/15", "15/01/2024", "2024-01-1a",
            "２０２４-01-15", "2024-O1-15", "2024--01-15", "2024-01-15 x"})
    void anythingElseIsNot(String text) {
        assertThat(Dates.parse(text)).isNull();
    }

    /** The rules of the strict ISO formatter it replaced, over every day of two years and impossible ones. */
    @Test
    void itAgreesWithTheStrictFormatter() {
        DateTimeFormatter strict = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
        for (int year : new int[] {1, 1900, 2023, 2024, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = String.format("%04d-%02d-%02d", year, month, day);
                    LocalDate expected;
                    try {
                        expected = LocalDate.parse(text, strict);
                    } catch (DateTimeParseException e) {
                        expected = null;
                    }
                    assertThat(Dates.parse(text)).as(text).isEqualTo(expected);
                }
            }
        }
    }
}
