package io.acktr.envs.vector;

import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.envs.wrappers.EpisodeStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Steps several environments with identical spaces one after another in the calling thread, like
 * Gymnasium's {@code SyncVectorEnv} but resetting a finished environment on the same step (see
 * {@link VectorStep}). A finished episode's return and length come from the environment's
 * {@link EpisodeStatistics} when its wrapper chain has one (an
 * {@link io.acktr.envs.wrappers.EpisodeMonitor} placed inside any reward normalisation, so returns
 * are of the raw rewards) and recorded the episode on that step; otherwise from the rewards this
 * class sees and sums itself. An episode that a wrapper outside the statistics ended (a
 * {@link io.acktr.envs.wrappers.StaggeredStart}'s cut) is not reported: its return is NaN. Before stepping, every environment is told its action
 * ({@link Environment#announceStep}), so environments hosted by one worker process (the Gymnasium
 * bridge) are stepped in one exchange with it. Arrays in a returned {@link VectorStep} are fresh per step;
 * observation rows are the arrays the environments returned.
 */
public final class SyncVectorEnvironment implements AutoCloseable {
    private final Environment[] environments;
    /** Per environment, its statistics or null. */
    private final EpisodeStatistics[] statistics;
    private final Space observationSpace;
    private final Space actionSpace;
    private final double[] runningReturns;
    private final long[] runningLengths;
    private boolean resetCalled;

    public SyncVectorEnvironment(List<? extends Environment> environments) {
        requireNonNull(environments, "environments is null");
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("SyncVectorEnvironment needs at least one environment");
        }
        this.environments = environments.toArray(new Environment[0]);
        Environment first = requireNonNull(this.environments[0], "environment 0 is null");
        this.observationSpace = first.observationSpace();
        this.actionSpace = first.actionSpace();
        for (int i = 1; i < this.environments.length; i++) {
            Environment environment = requireNonNull(this.environments[i], "environment " + i + " is null");
            if (!observationSpace.equals(environment.observationSpace()) || !actionSpace.equals(environment.actionSpace())) {
                throw new IllegalArgumentException("environment " + i + " (" + environment.id() + ") has observation space "
                        + environment.observationSpace().describe() + " and action space " + environment.actionSpace().describe()
                        + " but environment 0 (" + first.id() + ") has " + observationSpace.describe() + " and "
                        + actionSpace.describe() + "; all environments must have the same spaces");
            }
        }
        this.statistics = new EpisodeStatistics[this.environments.length];
        for (int i = 0; i < this.environments.length; i++) {
            statistics[i] = EpisodeStatistics.find(this.environments[i]).orElse(null);
        }
        this.runningReturns = new double[this.environments.length];
        this.runningLengths = new long[this.environments.length];
    }

    public int size() {
        return environments.length;
    }

    public Space observationSpace() {
        return observationSpace;
    }

    public Space actionSpace() {
        return actionSpace;
    }

    /** Resets every environment, environment {@code i} with seed {@code seed + i}. */
    public double[][] reset(long seed) {
        double[][] observations = new double[environments.length][];
        for (int i = 0; i < environments.length; i++) {
            observations[i] = environments[i].reset(seed + i);
        }
        Arrays.fill(runningReturns, 0.0);
        Arrays.fill(runningLengths, 0L);
        resetCalled = true;
        return observations;
    }

    /** The return and length of environment {@code i}'s running episode as this class counts them. */
    public double runningReturn(int i) {
        return runningReturns[i];
    }

    public long runningLength(int i) {
        return runningLengths[i];
    }

    /**
     * Instead of {@link #reset(long)}, for a run that resumes: environment {@code i} was restored
     * mid-episode, whose return and length so far are given. Once every environment was continued
     * or {@link #resetOne reset}, the vector steps.
     */
    public void continueEpisode(int i, double returnSoFar, long lengthSoFar) {
        runningReturns[i] = returnSoFar;
        runningLengths[i] = lengthSoFar;
        resetCalled = true;
    }

    /** Instead of {@link #reset(long)}, for a run that resumes: environment {@code i} starts a new episode from {@code seed}. */
    public double[] resetOne(int i, long seed) {
        double[] observation = environments[i].reset(seed);
        runningReturns[i] = 0.0;
        runningLengths[i] = 0L;
        resetCalled = true;
        return observation;
    }

    /** Environment {@code i} as given, for saving its state. */
    public Environment environment(int i) {
        return environments[i];
    }

    /**
     * Steps environment {@code i} with {@code actions[i]}; an environment whose episode ends is
     * reset at once with {@link Environment#reset()}. Every environment's action is announced
     * ({@link Environment#announceStep}) before the first is stepped.
     */
    public VectorStep step(double[][] actions) {
        requireNonNull(actions, "actions is null");
        if (actions.length != environments.length) {
            throw new IllegalArgumentException("expected " + environments.length + " actions, got " + actions.length);
        }
        if (!resetCalled) {
            throw new IllegalStateException("SyncVectorEnvironment.step() called before reset(seed)");
        }
        int n = environments.length;
        for (int i = 0; i < n; i++) {
            environments[i].announceStep(actions[i]);
        }
        double[][] observations = new double[n][];
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        double[][] finalObservations = new double[n][];
        double[] episodeReturns = new double[n];
        long[] episodeLengths = new long[n];
        for (int i = 0; i < n; i++) {
            int episodesBefore = statistics[i] == null ? 0 : statistics[i].episodeCount();
            StepResult result = environments[i].step(actions[i]);
            rewards[i] = result.reward();
            terminated[i] = result.terminated();
            truncated[i] = result.truncated();
            runningReturns[i] += result.reward();
            runningLengths[i]++;
            if (result.done()) {
                finalObservations[i] = result.observation();
                boolean recorded = statistics[i] != null && statistics[i].episodeCount() > episodesBefore;
                if (recorded) {
                    episodeReturns[i] = statistics[i].lastEpisodeReturn();
                    episodeLengths[i] = statistics[i].lastEpisodeLength();
                } else if (statistics[i] != null) {
                    // Ended outside its statistics (a StaggeredStart's cut): not an episode to report.
                    episodeReturns[i] = Double.NaN;
                } else {
                    episodeReturns[i] = runningReturns[i];
                    episodeLengths[i] = runningLengths[i];
                }
                runningReturns[i] = 0.0;
                runningLengths[i] = 0L;
                observations[i] = environments[i].reset();
            } else {
                observations[i] = result.observation();
                episodeReturns[i] = Double.NaN;
            }
        }
        return new VectorStep(observations, rewards, terminated, truncated, finalObservations, episodeReturns, episodeLengths);
    }

    /** Closes every environment, even when some fail; the first failure is rethrown. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Environment environment : environments) {
            try {
                environment.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
