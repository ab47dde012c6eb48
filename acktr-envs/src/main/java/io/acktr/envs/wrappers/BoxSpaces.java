package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Space;

/** Checks and builds the {@link BoxSpace}s of the wrappers in this package. */
final class BoxSpaces {
    private BoxSpaces() {
    }

    /** {@code space} as a box, or an {@link IllegalArgumentException} saying what {@code wrapper} needs. */
    static BoxSpace requireBox(Space space, String role, String wrapper, String environmentId) {
        if (space instanceof BoxSpace box) {
            return box;
        }
        throw new IllegalArgumentException(wrapper + " needs a box " + role + " space, but " + environmentId + " has "
                + space.describe());
    }

    /** {@code box}, or an {@link IllegalArgumentException} when a bound is infinite. */
    static BoxSpace requireFinite(BoxSpace box, String role, String wrapper, String environmentId) {
        for (int i = 0; i < box.flatSize(); i++) {
            if (!Double.isFinite(box.low(i)) || !Double.isFinite(box.high(i))) {
                throw new IllegalArgumentException(wrapper + " needs finite " + role + " bounds, but " + environmentId + " has "
                        + box.describe());
            }
        }
        return box;
    }

    /** {@code (-inf, inf)} in every element of {@code shape}. */
    static BoxSpace unbounded(int[] shape) {
        return BoxSpace.uniform(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, shape);
    }

    /** Checks a finite setting, naming it. */
    static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** Checks a positive setting, naming it. */
    static double requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }
}
