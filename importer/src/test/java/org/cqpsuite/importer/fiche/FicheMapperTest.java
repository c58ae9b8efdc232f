package org.cqpsuite.importer.fiche;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The value rules both readers share. */
class FicheMapperTest {

    @Test
    void datesAreStrictlyJjMmAaaa() throws FicheRejection {
        assertThat(map(raw -> raw.dateFinEnregistrement = "29/02/2024").endDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(map(raw -> raw.dateFinEnregistrement = " 01/09/2020 ").endDate())
                .isEqualTo(LocalDate.of(2020, 9, 1));
        for (String bad : new String[] {"29/02/2023", "1/9/2020", "2020-09-01", "09/01/20", "01/13/2020",
                "01/09/20201", "hier"}) {
            assertThatThrownBy(() -> map(raw -> raw.dateEffet = bad)).isInstanceOf(FicheRejection.class)
                    .hasMessage("DATE_EFFET '" + bad + "' is not a valid JJ/MM/AAAA date");
        }
    }

    @Test
    void levelsAreNiv1ToNiv8() throws FicheRejection {
        assertThat(map(raw -> raw.niveau = "NIV1").level()).isEqualTo(1);
        assertThat(map(raw -> raw.niveau = "NIV8").level()).isEqualTo(8);
        assertThat(map(raw -> raw.niveau = "AUCUN").level()).isNull();
        assertThatThrownBy(() -> map(raw -> raw.niveau = "V")).hasMessage("NIVEAU 'V' is not NIV1 to NIV8");
        assertThatThrownBy(() -> map(raw -> raw.niveau = "NIV0")).hasMessage("NIVEAU 'NIV0' is not NIV1 to NIV8");
    }

    @Test
    void theRegistrationDateIsTheEarliestGiven() throws FicheRejection {
        assertThat(map(raw -> {
            raw.dateDecision = "15/01/2021";
            raw.dateEffet = "01/01/2021";
        }).registrationDate()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(map(raw -> raw.dateDecision = "15/01/2021").registrationDate()).isEqualTo(LocalDate.of(2021, 1, 15));
    }

    @Test
    void registrationYearsAreANumber() throws FicheRejection {
        assertThat(map(raw -> raw.dureeEnregistrement = "5").registrationYears()).isEqualTo(5);
        assertThatThrownBy(() -> map(raw -> raw.dureeEnregistrement = "5 ans"))
                .hasMessage("DUREE_ENREGISTREMENT '5 ans' is not a number of years");
    }

    @Test
    void nsfAndRomeCodesAreCheckedLoosely() throws FicheRejection {
        Fiche fiche = map(raw -> {
            raw.nsf.add("11");
            raw.nsf.add("200R");
            raw.rome.add("a13");
            raw.rome.add("H");
        });
        assertThat(fiche.nsfCodes()).containsExactly("11", "200r");
        assertThat(fiche.romeCodes()).containsExactly("A13", "H");
        assertThatThrownBy(() -> map(raw -> raw.nsf.add("3261"))).hasMessage(
                "NSF code '3261' is not 2 or 3 digits and an optional letter");
        assertThatThrownBy(() -> map(raw -> raw.rome.add("M18051"))).hasMessage(
                "ROME code 'M18051' is not a letter and up to 4 digits");
    }

    @Test
    void textsAreTrimmedOfNonBreakingSpacesAndBlankIsAbsent() throws FicheRejection {
        assertThat(FicheMapper.text("\u00a0 Grenoble EM\u00a0")).isEqualTo("Grenoble EM");
        assertThat(FicheMapper.text(" \u00a0\t\n ")).isNull();
        assertThat(FicheMapper.text("")).isNull();
        assertThat(FicheMapper.text(null)).isNull();
        assertThat(FicheMapper.text("  Ligne 1    Ligne 2  ")).isEqualTo("Ligne 1    Ligne 2");
        assertThat(FicheMapper.line("  Ligne 1 \n   Ligne 2  ")).isEqualTo("Ligne 1 Ligne 2");
    }

    @Test
    void rsAndRncpCodes() throws FicheRejection {
        assertThat(map(raw -> raw.numeroFiche = "RS5568").directory()).isEqualTo(Directory.RS);
        assertThat(map(raw -> raw.numeroFiche = "RNCP34486").directory()).isEqualTo(Directory.RNCP);
        assertThatThrownBy(() -> map(raw -> raw.numeroFiche = "RNCP")).hasMessage(
                "NUMERO_FICHE 'RNCP' is not RNCP or RS followed by digits");
        assertThatThrownBy(() -> map(raw -> raw.numeroFiche = "34486")).hasMessage(
                "NUMERO_FICHE '34486' is not RNCP or RS followed by digits");
    }

    private static Fiche map(Consumer<RawFiche> edit) throws FicheRejection {
        RawFiche raw = new RawFiche();
        raw.numeroFiche = "RNCP1";
        raw.intitule = "Titre";
        raw.actif = "Oui";
        edit.accept(raw);
        return FicheMapper.map(raw);
    }
}
