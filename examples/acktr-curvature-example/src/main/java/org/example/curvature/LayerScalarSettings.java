package org.example.curvature;

import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;
import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.layer-scalar}; the defaults live in this jar's
 * {@code reference.conf}. Ranges are checked here, so a record built in code is checked as one read
 * from the configuration.
 *
 * @param damping added to each block's scalar Fisher before dividing
 * @param statsDecay running-average decay of the scalars over the updates
 * @param fisher where the Fisher pass's targets come from
 */
public record LayerScalarSettings(double damping, double statsDecay, FisherTargets fisher) {
    public static final String PREFIX = "acktr.curvature.layer-scalar";

    public LayerScalarSettings {
        requirePositive(PREFIX + ".damping", damping);
        requireIn(PREFIX + ".stats-decay", statsDecay, 0, 1, true);
        requireNonNull(fisher, "fisher is null");
    }

    public static LayerScalarSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new LayerScalarSettings(r.doubleValue("damping"), r.doubleValue("stats-decay"),
                FisherTargets.fromConfigName(r.oneOf("fisher", FisherTargets.configNames())));
    }
}
