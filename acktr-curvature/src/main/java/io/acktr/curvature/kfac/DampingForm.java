package io.acktr.curvature.kfac;

import java.util.Arrays;
import java.util.List;

/** How K-FAC damps its Kronecker factors (ACKTR-REFERENCE section 3). */
public enum DampingForm {
    /** {@code (A ⊗ G + lambda I)^{-1}} applied exactly in the factors' eigenbasis. */
    EIGEN("eigen"),
    /** {@code (A + pi sqrt(lambda) I)^{-1} ⊗ (G + sqrt(lambda)/pi I)^{-1}} with the trace-norm {@code pi}. */
    FACTORED_TIKHONOV("factored-tikhonov");

    private final String configName;

    DampingForm(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(DampingForm::configName).toList();
    }

    public static DampingForm fromConfigName(String name) {
        return Arrays.stream(values()).filter(v -> v.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown damping form " + name));
    }
}
