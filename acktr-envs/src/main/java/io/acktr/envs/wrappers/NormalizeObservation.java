package io.acktr.envs.wrappers;

import io.acktr.api.state.SavedState;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

import static java.util.Objects.requireNonNull;

/**
 * Normalises observations with running statistics, as stable-baselines3's {@code VecNormalize}
 * ({@code norm_obs}): each observation from {@code reset} and {@code step} is first added to the
 * statistics (while {@link #training()}), then returned as
 * {@code clip((obs - mean) / sqrt(var + epsilon), -clip, clip)}. As in Gymnasium's per-environment
 * {@code NormalizeObservation}, every observation counts, the last one of an episode included.
 *
 * <p>The statistics may be shared with other wrappers (see {@link WrapperChain}); then every
 * environment updates the same mean and variance, as one {@code VecNormalize} over a vector does.
 * The observation space becomes an unbounded box of the same shape.
 */
public final class NormalizeObservation extends ForwardingEnvironment {
    private static final String NAME = "NormalizeObservation";

    private final RunningMeanVariance statistics;
    private final double clip;
    private final double epsilon;
    private final BoxSpace observationSpace;
    private boolean training = true;

    /**
     * @param statistics running statistics with one element per observation element, possibly shared
     * @param clip       normalised values are clipped to {@code [-clip, clip]} (SB3: 10)
     * @param epsilon    added to the variance before the square root (SB3: 1e-8)
     */
    public NormalizeObservation(Environment environment, RunningMeanVariance statistics, double clip, double epsilon) {
        super(environment);
        this.statistics = requireNonNull(statistics, "statistics is null");
        this.clip = BoxSpaces.requirePositive(clip, "clip");
        this.epsilon = BoxSpaces.requirePositive(epsilon, "epsilon");
        BoxSpace inner = BoxSpaces.requireBox(environment.observationSpace(), "observation", NAME, environment.id());
        if (inner.flatSize() != statistics.size()) {
            throw new IllegalArgumentException(NAME + " statistics have " + statistics.size() + " elements, but the observations of "
                    + environment.id() + " have " + inner.flatSize());
        }
        this.observationSpace = BoxSpaces.unbounded(inner.shape());
    }

    /** Whether observations update the statistics; when false they are frozen, e.g. for evaluation. */
    public boolean training() {
        return training;
    }

    public void setTraining(boolean training) {
        this.training = training;
    }

    /** A snapshot of the (possibly shared) statistics. */
    public RunningStatistics statistics() {
        return statistics.snapshot();
    }

    /** Replaces the (possibly shared) statistics, e.g. from a checkpoint. */
    public void restore(RunningStatistics snapshot) {
        statistics.restore(snapshot);
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public double[] reset(long seed) {
        return normalize(super.reset(seed));
    }

    @Override
    public double[] reset() {
        return normalize(super.reset());
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        return new StepResult(normalize(result.observation()), result.reward(), result.terminated(), result.truncated(),
                result.info());
    }

    private double[] normalize(double[] observation) {
        if (training) {
            statistics.update(observation);
        }
        return statistics.normalize(observation, epsilon, clip);
    }

    /** The statistics are the chain's, saved with it. */
    @Override
    protected SavedState ownState() {
        return SavedState.empty().with("training", training);
    }

    @Override
    protected void restoreOwnState(SavedState state) {
        training = state.flag("training");
    }
}
