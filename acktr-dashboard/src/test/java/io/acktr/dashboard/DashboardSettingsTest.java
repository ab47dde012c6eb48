package io.acktr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.bootstrap.DashboardProvider;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference();

    @Test
    void theDefaultsAreLoopbackOnPort8686() {
        assertThat(DashboardSettings.from(REFERENCE)).isEqualTo(new DashboardSettings("127.0.0.1", 8686, 4000));
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("acktr.dashboard { host = \"::1\", port = 9000, max-rows-per-run = 10 }")
                .withFallback(REFERENCE);
        assertThat(DashboardSettings.from(c)).isEqualTo(new DashboardSettings("::1", 9000, 10));
    }

    @Test
    void invalidValuesNameThePathTheValueAndTheRule() {
        Config port = ConfigFactory.parseString("acktr.dashboard.port = 70000").withFallback(REFERENCE);
        assertThatThrownBy(() -> DashboardSettings.from(port)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.dashboard.port").hasMessageContaining("70000").hasMessageContaining("0..65535");
        Config host = ConfigFactory.parseString("acktr.dashboard.host = \" \"").withFallback(REFERENCE);
        assertThatThrownBy(() -> DashboardSettings.from(host)).hasMessageContaining("acktr.dashboard.host");
        Config rows = ConfigFactory.parseString("acktr.dashboard.max-rows-per-run = 1").withFallback(REFERENCE);
        assertThatThrownBy(() -> DashboardSettings.from(rows)).hasMessageContaining("acktr.dashboard.max-rows-per-run")
                .hasMessageContaining(">= 2");
    }

    @Test
    void theCommandLineOverridesHostAndPortAndItsErrorsNameTheFlag() {
        DashboardSettings reference = DashboardSettings.from(REFERENCE);
        assertThat(WebDashboardProvider.override(reference, new DashboardProvider.Address(Optional.of("localhost"),
                OptionalInt.of(0), "--dashboard-host", "--dashboard-port"))).isEqualTo(new DashboardSettings("localhost", 0, 4000));
        assertThatThrownBy(() -> WebDashboardProvider.override(reference, new DashboardProvider.Address(Optional.empty(),
                OptionalInt.of(-1), "--dashboard-host", "--dashboard-port")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--dashboard-port -1: must be in 0..65535 (0: a free port)");
    }

    @Test
    void onlyLoopbackAddressesCountAsLoopback() {
        assertThat(WebDashboard.isLoopback("127.0.0.1")).isTrue();
        assertThat(WebDashboard.isLoopback("::1")).isTrue();
        assertThat(WebDashboard.isLoopback("0.0.0.0")).isFalse();
    }
}
