package io.acktr.envs.gymnasium;

import io.acktr.api.env.Environment;
import java.util.function.DoubleUnaryOperator;

/** What tests in other packages (the conformance suite) need of the bridge's package-private parts. */
public final class GymnasiumTestAccess {
    private static final GymnasiumFamilyProvider FAMILY = new GymnasiumFamilyProvider();

    private GymnasiumTestAccess() {
    }

    /** {@code gymnasium/<id>} with the Python the tests found (or the test is skipped). */
    public static Environment create(String gymnasiumId) {
        return FAMILY.create(gymnasiumId, GymnasiumPython.settings());
    }

    public static void setUnwrappedAttribute(Environment environment, String name, double[] values, boolean float32) {
        ((GymnasiumEnvironment) environment).setUnwrappedAttribute(name, values, float32);
    }

    public static double[] unwrappedAttribute(Environment environment, String name) {
        return ((GymnasiumEnvironment) environment).unwrappedAttribute(name);
    }

    public static String observationDtype(Environment environment) {
        return ((GymnasiumEnvironment) environment).observationDtype();
    }

    /** NumPy's scalar sin (0), cos (1), float64 x**2 (2) or float32 x**2 (3), evaluated by the environment's worker. */
    public static DoubleUnaryOperator numpyFunction(Environment environment, int function) {
        GymnasiumProcess process = ((GymnasiumEnvironment) environment).process();
        return x -> process.function(function, x);
    }
}
