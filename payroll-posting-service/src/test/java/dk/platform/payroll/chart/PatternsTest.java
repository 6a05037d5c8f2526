package dk.platform.payroll.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §4.1 patterns: {@code *} replaces one character from the right; pattern and value are equally long. */
class PatternsTest {

    @Test
    void tenStarStarCoversDepartments1000To1099AndNothingElse() {
        IntStream.rangeClosed(1000, 1099).forEach(d -> assertThat(Patterns.matches("10**", String.valueOf(d)))
                .as("10** covers %d", d).isTrue());

        assertThat(Patterns.matches("10**", "1100")).isFalse();
        assertThat(Patterns.matches("10**", "0999")).isFalse();
        assertThat(Patterns.matches("10**", "100")).as("shorter value").isFalse();
        assertThat(Patterns.matches("10**", "10000")).as("longer value").isFalse();
        assertThat(Patterns.matches("10**", null)).isFalse();
    }

    @Test
    void thirteenStarStarCoversWageTypes1300To1399() {
        IntStream.rangeClosed(1300, 1399).forEach(w -> assertThat(Patterns.matches("13**", String.valueOf(w))).isTrue());

        assertThat(Patterns.matches("13**", "1299")).isFalse();
        assertThat(Patterns.matches("13**", "1400")).isFalse();
    }

    @Test
    void threeStarStarMatches311ButThreeStarDoesNot() {
        assertThat(Patterns.matches("3**", "311")).isTrue();
        assertThat(Patterns.matches("3*", "311")).isFalse();
        assertThat(Patterns.matches("3*", "31")).isTrue();
    }

    @Test
    void aPatternWithoutStarsMatchesOnlyItself() {
        assertThat(Patterns.matches("1310", "1310")).isTrue();
        assertThat(Patterns.matches("1310", "1311")).isFalse();
    }

    @Test
    void aLoneStarGroupMatchesAnyValueIncludingNone() {
        assertThat(Patterns.matches("*", "1010")).isTrue();
        assertThat(Patterns.matches("*", "7")).isTrue();
        assertThat(Patterns.matches("*", "")).isTrue();
        assertThat(Patterns.matches("*", null)).isTrue();
    }

    @Test
    void aWageTypePatternMustBeAsLongAsTheWageTypeEvenALoneStar() {
        assertThat(Patterns.matchesWageType("13**", "1310")).isTrue();
        assertThat(Patterns.matchesWageType("****", "1310")).isTrue();
        assertThat(Patterns.matchesWageType("*", "1310")).as("a lone * is one character of a wage type").isFalse();
        assertThat(Patterns.matchesWageType("131", "1310")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1010", "10**", "****", "*", "3**", "ANS"})
    void wellFormedPatternsHaveTheirStarsOnTheRight(String pattern) {
        assertThat(Patterns.wellFormed(pattern)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1*0*", "*1", "**10", "1*1"})
    void starsInsideOrOnTheLeftAndEmptyPatternsAreRejected(String pattern) {
        assertThat(Patterns.wellFormed(pattern)).isFalse();
    }

    @Test
    void fewerStarsIsMoreSpecificAndALoneStarIsTheLeastSpecific() {
        assertThat(Patterns.openness("1310")).isZero();
        assertThat(Patterns.openness("13**")).isEqualTo(2);
        assertThat(Patterns.openness("1310")).isLessThan(Patterns.openness("131*"));
        assertThat(Patterns.openness("131*")).isLessThan(Patterns.openness("13**"));
        assertThat(Patterns.openness("****")).isLessThan(Patterns.openness("*"));
    }
}
