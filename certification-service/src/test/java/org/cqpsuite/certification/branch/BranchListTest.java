package org.cqpsuite.certification.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BranchListTest {

    /** Agreements in force in the 2024-02-20 list (the grouped row 1740 1841 1843 is not in force). */
    static final int IN_FORCE = 309;
    /** Agreements no longer in force, the grouped row left out; the other 376 rows do not say. */
    static final int NOT_IN_FORCE = 101;
    private static final String HEADER = "idcc;libelle;kalicont;etats_juridiques;en_vigueur;titre_legifrance;url\n";

    @Test
    void theRealListHas786DistinctBranchesAndOneGroupedRow() throws IOException {
        BranchList.Parsed list;
        try (var in = getClass().getClassLoader().getResourceAsStream("data/idcc_2024-02-20.csv")) {
            list = BranchList.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<BranchList.Entry> entries = list.entries();
        assertThat(entries).hasSize(786);
        assertThat(list.skipped()).singleElement().asString().contains("Line 788").contains("1740 1841 1843");
        assertThat(entries).extracting(BranchList.Entry::idcc).contains("1740", "1841", "1843");
        assertThat(entries).extracting(BranchList.Entry::idcc).doesNotHaveDuplicates().allMatch(idcc -> idcc.matches("\\d{4}"));
        assertThat(entries).filteredOn(e -> Boolean.TRUE.equals(e.inForce())).hasSize(IN_FORCE);
        assertThat(entries).filteredOn(e -> Boolean.FALSE.equals(e.inForce())).hasSize(NOT_IN_FORCE);
        assertThat(entries).filteredOn(e -> e.inForce() == null).allMatch(e -> e.legalState() == null);
        assertThat(entries).filteredOn(e -> e.idcc().equals("0018")).singleElement()
                .satisfies(textile -> {
                    assertThat(textile.label()).containsIgnoringCase("textile");
                    assertThat(textile.inForce()).isTrue();
                });
    }

    @Test
    void quotedFieldsMayHoldSeparatorsAndQuotes() {
        assertThat(BranchList.fields("1;\"a;b\";\"say \"\"hi\"\"\";")).containsExactly("1", "a;b", "say \"hi\"", "");
    }

    @Test
    void shortCodesAreZeroPaddedAndBlankFieldsAreAbsent() throws IOException {
        List<BranchList.Entry> entries = BranchList.read(new StringReader(
                "\uFEFF" + HEADER + "18;Industrie textile;;VIGUEUR_ETEN;true;;\n1031;Sans état;;;;;\n")).entries();
        assertThat(entries).containsExactly(
                new BranchList.Entry("0018", "Industrie textile", null, "VIGUEUR_ETEN", true, null, null),
                new BranchList.Entry("1031", "Sans état", null, null, null, null, null));
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> BranchList.read(new StringReader(HEADER + "0018;Textile;K;VIGUEUR_ETEN;true;;\n"
                + "12345;Trop long;K;ABROGE;false;;\n")))
                .hasMessageContaining("Line 3").hasMessageContaining("12345");
        assertThatThrownBy(() -> BranchList.read(new StringReader(HEADER + "0018;Textile\n")))
                .hasMessageContaining("Line 2").hasMessageContaining("2 fields");
    }

    @Test
    void searchFoldsCaseAndAccents() {
        assertThat(BranchList.fold("  Métallurgie ÉLECTRIQUE ")).isEqualTo("metallurgie electrique");
    }
}
