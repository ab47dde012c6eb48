package io.acktr.envs.wrappers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunningStatisticsTest {
    private static final RunningStatistics AWKWARD = new RunningStatistics(1e-4 + 12345,
            new double[] {1.0 / 3, -123456.789e10, 0, 7},
            new double[] {2.0 / 3, 1e-300, 0.1 + 0.2, 4.9e-324});

    @Test
    void survivesARoundTripThroughConfig() {
        assertThat(RunningStatistics.fromConfig(AWKWARD.toConfig())).isEqualTo(AWKWARD);
    }

    @Test
    void survivesARoundTripThroughRenderedHoconText() {
        String concise = AWKWARD.toConfig().root().render(ConfigRenderOptions.concise());
        String commented = AWKWARD.toConfig().root().render();

        assertThat(RunningStatistics.fromConfig(ConfigFactory.parseString(concise))).isEqualTo(AWKWARD);
        assertThat(RunningStatistics.fromConfig(ConfigFactory.parseString(commented))).isEqualTo(AWKWARD);
    }

    @Test
    void isWrittenAsCountMeanAndVariance() {
        Config config = new RunningStatistics(2.5, new double[] {1, 2}, new double[] {3, 4}).toConfig();

        assertThat(config.getDouble("count")).isEqualTo(2.5);
        assertThat(config.getDoubleList("mean")).containsExactly(1.0, 2.0);
        assertThat(config.getDoubleList("variance")).containsExactly(3.0, 4.0);
    }

    @Test
    void readsWhatAUserWroteInHocon() {
        RunningStatistics parsed = RunningStatistics.fromConfig(ConfigFactory.parseString("count = 3, mean = [1, 2.5], variance = [0, 1]"));

        assertThat(parsed).isEqualTo(new RunningStatistics(3, new double[] {1, 2.5}, new double[] {0, 1}));
    }

    @Test
    void rejectsMissingKeysAndInconsistentValues() {
        assertThatThrownBy(() -> RunningStatistics.fromConfig(ConfigFactory.parseString("count = 3, mean = [1]")))
                .isInstanceOf(ConfigException.Missing.class)
                .hasMessageContaining("variance");
        assertThatThrownBy(() -> RunningStatistics.fromConfig(ConfigFactory.parseString("count = 3, mean = [1], variance = [1, 2]")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("same, positive length, got 1 and 2");
        assertThatThrownBy(() -> new RunningStatistics(1, new double[] {0}, new double[] {-1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variance >= 0");
        assertThatThrownBy(() -> new RunningStatistics(Double.NaN, new double[] {0}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
    }

    @Test
    void cannotBeChangedThroughItsArrays() {
        double[] mean = {1, 2};
        RunningStatistics statistics = new RunningStatistics(1, mean, new double[] {1, 1});

        mean[0] = 99;
        statistics.mean()[1] = 99;

        assertThat(statistics.mean()).containsExactly(1, 2);
    }
}
