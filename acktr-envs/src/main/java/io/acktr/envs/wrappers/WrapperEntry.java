package io.acktr.envs.wrappers;

import static java.util.Objects.requireNonNull;

/**
 * One checked element of {@code acktr.env.wrappers}, read by {@link WrapperSettings}; the records
 * mirror the keys documented in {@code reference.conf}. {@link #path()} is where the entry came
 * from, e.g. {@code acktr.env.wrappers[2]}, for messages about it.
 */
public sealed interface WrapperEntry {
    String path();

    WrapperType type();

    /** {@link io.acktr.envs.wrappers.NormalizeObservation}. */
    record NormalizeObservation(String path, double clip, double epsilon) implements WrapperEntry {
        public NormalizeObservation {
            requireNonNull(path, "path is null");
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
