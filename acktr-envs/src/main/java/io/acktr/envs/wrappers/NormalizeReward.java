package io.acktr.envs.wrappers;

import io.acktr.api.state.SavedState;
import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;

import static java.util.Objects.requireNonNull;

/**
 * Scales rewards as stable-baselines3's {@code VecNormalize} ({@code norm_reward}): the wrapper
 * keeps the discounted return {@code G = gamma * G + r} of the running episode; while
 * {@link #training()}, each step adds {@code G} to running statistics; the reward returned is
 * {@code clip(r / sqrt(var(G) + epsilon), -clip, clip)}, with the variance after that update. The
 * return restarts at 0 on reset and after a step that ends the episode. Rewards are not centred.
 *
 * <p>The one-element statistics may be shared with other wrappers (see {@link WrapperChain}), as
 * one {@code VecNormalize} keeps one return variance for its whole vector. Place an
 * {@link EpisodeMonitor} inside this wrapper to keep the raw episode returns.
 */
public final class NormalizeReward extends ForwardingEnvironment {
    private final RunningMeanVariance statistics;
    private final double gamma;
    private final double clip;
    private final double epsilon;
    private boolean training = true;
    private double discountedReturn;

    /**
     * @param statistics one-element running statistics of the discounted return, possibly shared
     * @param gamma      discount of the return, in {@code [0, 1]}
     * @param clip       scaled rewards are clipped to {@code [-clip, clip]} (SB3: 10)
     * @param epsilon    added to the variance before the square root (SB3: 1e-8)
     */
    public NormalizeReward(Environment environment, RunningMeanVariance statistics, double gamma, double clip, double epsilon) {
        super(environment);
        this.statistics = requireNonNull(statistics, "statistics is null");
        if (statistics.size() != 1) {
            throw new IllegalArgumentException("NormalizeReward needs one-element statistics, got " + statistics.size());
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        this.gamma = gamma;
        this.clip = BoxSpaces.requirePositive(clip, "clip");
        this.epsilon = BoxSpaces.requirePositive(epsilon, "epsilon");
    }

    /** Whether steps update the statistics; when false they are frozen, e.g. for evaluation. */
    public boolean training() {
        return training;
    }

    public void setTraining(boolean training) {
        this.training = training;
    }

    /** A snapshot of the (possibly shared) statistics of the discounted return. */
    public RunningStatistics statistics() {
        return statistics.snapshot();
    }

    /** Replaces the (possibly shared) statistics, e.g. from a checkpoint. */
    public void restore(RunningStatistics snapshot) {
        statistics.restore(snapshot);
    }

    @Override
    public double[] reset(long seed) {
        discountedReturn = 0.0;
        return super.reset(seed);
    }

    @Override
    public double[] reset() {
        discountedReturn = 0.0;
        return super.reset();
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        discountedReturn = discountedReturn * gamma + result.reward();
        if (training) {
            statistics.update(new double[] {discountedReturn});
        }
        double reward = statistics.scale(result.reward(), epsilon, clip);
        if (result.done()) {
            discountedReturn = 0.0;
        }
        return new StepResult(result.observation(), reward, result.terminated(), result.truncated(), result.info());
    }

    /** The discounted return of the episode so far; the statistics are the chain's, saved with it. */
    @Override
    protected SavedState ownState() {
        return SavedState.empty().with("discounted-return", discountedReturn).with("training", training);
    }

    @Override
    protected void restoreOwnState(SavedState state) {
        discountedReturn = state.scalar("discounted-return");
        training = state.flag("training");
    }
}
