package io.acktr.envs.wrappers;

import static java.util.Objects.requireNonNull;

import io.acktr.api.plugin.SettingsReader;

/**
 * One checked element of {@code acktr.env.wrappers}, read by {@link WrapperSettings}; the records
 * mirror the keys documented in {@code reference.conf}. {@link #path()} is where the entry came
 * from, e.g. {@code acktr.env.wrappers[2]}, for messages about it; each record checks its values
 * in its compact constructor, naming {@code <path>.<key>}.
 */
public sealed interface WrapperEntry {
    String path();

    /** {@code value}, if it is finite and > 0. */
    private static double positive(String path, String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw SettingsReader.invalid(path + "." + key, value, "must be > 0");
        }
        return value;
    }

    WrapperType type();

    /** {@link io.acktr.envs.wrappers.NormalizeObservation}. */
    record NormalizeObservation(String path, double clip, double epsilon) implements WrapperEntry {
        public NormalizeObservation {
            requireNonNull(path, "path is null");
            positive(path, "clip", clip);
            positive(path, "epsilon", epsilon);
        }

        @Override
        public WrapperType type() {
            return WrapperType.NORMALIZE_OBSERVATION;
        }
    }

    /** {@link io.acktr.envs.wrappers.NormalizeReward}. */
    record NormalizeReward(String path, double gamma, double clip, double epsilon) implements WrapperEntry {
        public NormalizeReward {
            requireNonNull(path, "path is null");
            SettingsReader.requireIn(path + ".gamma", gamma, 0, 1, false);
            positive(path, "clip", clip);
            positive(path, "epsilon", epsilon);
        }

        @Override
        public WrapperType type() {
            return WrapperType.NORMALIZE_REWARD;
        }
    }

    /** {@link io.acktr.envs.wrappers.FrameStack}. */
    record FrameStack(String path, int frames) implements WrapperEntry {
        public FrameStack {
            requireNonNull(path, "path is null");
            SettingsReader.requireAtLeast(path + ".frames", frames, 1);
        }

        @Override
        public WrapperType type() {
            return WrapperType.FRAME_STACK;
        }
    }

    /** {@link io.acktr.envs.wrappers.RescaleAction}. */
    record RescaleAction(String path, double low, double high) implements WrapperEntry {
        public RescaleAction {
            requireNonNull(path, "path is null");
            if (!Double.isFinite(low)) {
                throw SettingsReader.invalid(path + ".low", low, "must be a finite number");
            }
            if (!Double.isFinite(high)) {
                throw SettingsReader.invalid(path + ".high", high, "must be a finite number");
            }
            if (!(high > low)) {
                throw SettingsReader.invalid(path + ".high", high, "must be > low (" + low + ")");
            }
        }

        @Override
        public WrapperType type() {
            return WrapperType.RESCALE_ACTION;
        }
    }

    /** {@link io.acktr.envs.wrappers.ClipAction}. */
    record ClipAction(String path) implements WrapperEntry {
        public ClipAction {
            requireNonNull(path, "path is null");
        }

        @Override
        public WrapperType type() {
            return WrapperType.CLIP_ACTION;
        }
    }

    /** {@link io.acktr.envs.wrappers.TimeFeature}. */
    record TimeFeature(String path) implements WrapperEntry {
        public TimeFeature {
            requireNonNull(path, "path is null");
        }

        @Override
        public WrapperType type() {
            return WrapperType.TIME_FEATURE;
        }
    }
}
