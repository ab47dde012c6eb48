package io.acktr.bench;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.bootstrap.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A curvature estimator and a step-size rule by their plugin names, written
 * {@code curvature:step} as in {@code -p variant=kfac:trust-region}, optionally followed by
 * {@code @key=value} settings, as {@code acktr bench update-cost --variant} takes them:
 * {@code kfac:trust-region@acktr.curvature.kfac.async=true}.
 *
 * @param curvature value of {@code acktr.curvature.type}
 * @param stepSize value of {@code acktr.step-size.type}
 * @param settings further {@code key=value} overrides of this variant
 */
public record Variant(String curvature, String stepSize, List<String> settings) {
    /** Plain gradient and RMSProp: the A2C baseline every ratio is taken against. */
    public static final Variant A2C = new Variant("identity", "rmsprop");
    /** K-FAC with the KL trust region: ACKTR as the paper describes it. */
    public static final Variant ACKTR = new Variant("kfac", "trust-region");

    public Variant {
        requireNonNull(curvature, "curvature is null");
        requireNonNull(stepSize, "stepSize is null");
        settings = List.copyOf(settings);
        if (curvature.isBlank() || stepSize.isBlank()) {
            throw new IllegalArgumentException("variant needs a curvature and a step rule, got \"" + curvature + ":" + stepSize + "\"");
        }
        for (String setting : settings) {
            if (setting.indexOf('=') < 1) {
                throw new IllegalArgumentException("variant setting \"" + setting + "\": expected KEY=VALUE");
            }
        }
    }

    public Variant(String curvature, String stepSize) {
        this(curvature, stepSize, List.of());
    }

    /** Parses {@code curvature:step[@key=value...]}, e.g. {@code ekfac:trust-region@acktr.curvature.ekfac.async=true}. */
    public static Variant parse(String text) {
        String[] settings = text.strip().split("@");
        String[] parts = settings[0].split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("variant \"" + text + "\": expected CURVATURE:STEP, e.g. kfac:trust-region");
        }
        return new Variant(parts[0].strip(), parts[1].strip(), List.of(settings).subList(1, settings.length));
    }

    /** The {@code --set}-style overrides that select this variant. */
    public List<String> overrides() {
        List<String> overrides = new ArrayList<>(settings);
        overrides.add(PluginRegistry.CURVATURE_TYPE + "=" + curvature);
        overrides.add(PluginRegistry.STEP_SIZE_TYPE + "=" + stepSize);
        return List.copyOf(overrides);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(curvature + ":" + stepSize);
        settings.forEach(setting -> text.append('@').append(setting));
        return text.toString();
    }
}
