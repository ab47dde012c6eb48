package io.acktr.bench;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.bootstrap.PluginRegistry;
import java.util.List;

/**
 * A curvature estimator and a step-size rule by their plugin names, written
 * {@code curvature:step} as in {@code -p variant=kfac:trust-region}.
 *
 * @param curvature value of {@code acktr.curvature.type}
 * @param stepSize value of {@code acktr.step-size.type}
 */
public record Variant(String curvature, String stepSize) {
    /** Plain gradient and RMSProp: the A2C baseline every ratio is taken against. */
    public static final Variant A2C = new Variant("identity", "rmsprop");
    /** K-FAC with the KL trust region: ACKTR as the paper describes it. */
    public static final Variant ACKTR = new Variant("kfac", "trust-region");

    public Variant {
        requireNonNull(curvature, "curvature is null");
        requireNonNull(stepSize, "stepSize is null");
        if (curvature.isBlank() || stepSize.isBlank()) {
            throw new IllegalArgumentException("variant needs a curvature and a step rule, got \"" + curvature + ":" + stepSize + "\"");
        }
    }

    /** Parses {@code curvature:step}, e.g. {@code ekfac:trust-region}. */
    public static Variant parse(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("variant \"" + text + "\": expected CURVATURE:STEP, e.g. kfac:trust-region");
        }
        return new Variant(parts[0].strip(), parts[1].strip());
    }

    /** The {@code --set}-style overrides that select this variant. */
    public List<String> overrides() {
        return List.of(PluginRegistry.CURVATURE_TYPE + "=" + curvature, PluginRegistry.STEP_SIZE_TYPE + "=" + stepSize);
    }

    @Override
    public String toString() {
        return curvature + ":" + stepSize;
    }
}
