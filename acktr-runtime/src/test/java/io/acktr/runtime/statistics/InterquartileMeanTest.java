package io.acktr.runtime.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InterquartileMeanTest {
    @Test
    void withAMultipleOfFourValuesItIsTheMeanOfTheMiddleHalf() {
        // sorted 1..8: the middle half is 3, 4, 5, 6; the order of the input does not matter
        assertThat(InterquartileMean.of(new double[] {8, 1, 7, 2, 6, 3, 5, 4})).isEqualTo(4.5);
        assertThat(InterquartileMean.of(new double[] {0, 10, 20, 1000})).isEqualTo(15);
    }

    @Test
    void valuesStraddlingAQuartileCountWithThePartOfTheirMassInsideTheMiddleHalf() {
        // n = 10, each value holds 0.1: the 3rd holds [0.2, 0.3] of which [0.25, 0.3] is inside, the 8th likewise
        double[] ten = {0, 0, 1, 2, 3, 4, 5, 6, 100, 100};
        assertThat(InterquartileMean.of(ten)).isCloseTo((0.5 * 1 + 2 + 3 + 4 + 5 + 0.5 * 6) / 5, within(1e-12));
        // n = 3: weights 1/6, 2/3, 1/6 (a trimmed mean that drops whole values would give 4)
        assertThat(InterquartileMean.of(new double[] {0, 0, 12})).isCloseTo(2, within(1e-12));
    }

    @Test
    void oneValueIsItsOwnInterquartileMean() {
        assertThat(InterquartileMean.of(new double[] {-3.5})).isEqualTo(-3.5);
    }

    @Test
    void anInfiniteValueOutsideTheMiddleHalfDoesNotMatterAndOneInsideMakesItInfinite() {
        assertThat(InterquartileMean.of(new double[] {1, 2, 3, Double.POSITIVE_INFINITY})).isEqualTo(2.5);
        assertThat(InterquartileMean.of(new double[] {1, 2, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}))
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void noValuesOrNaNAreRefused() {
        assertThatThrownBy(() -> InterquartileMean.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterquartileMean.of(new double[] {1, Double.NaN})).hasMessageContaining("NaN");
    }
}
