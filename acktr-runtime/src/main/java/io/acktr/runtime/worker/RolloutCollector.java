package io.acktr.runtime.worker;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.policy.ActingPolicy;
import io.acktr.api.policy.Actor;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.Policy;
import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.envs.vector.VectorStep;
import io.acktr.envs.wrappers.RunningStatistics;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.envs.wrappers.WrapperSettings;
import io.acktr.numerics.Vectors;
import io.acktr.runtime.algorithm.Advantages;
import io.acktr.runtime.bus.FinishedEpisodes;
import io.acktr.runtime.bus.RolloutPart;
import io.acktr.runtime.settings.AlgorithmSettings;
import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import io.acktr.api.state.ResumableRandom;
import io.acktr.api.state.SavedState;
import io.acktr.envs.wrappers.EnvironmentSnapshots;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Steps a slice of the run's environments, {@code first .. first + count - 1} of {@code total},
 * with the current policy for {@code n} steps and turns what it saw into a {@link RolloutPart}
 * (the "collect" half of collect / train). What an environment contributes does not depend on
 * how the run's environments are sliced:
 * <ul>
 *   <li>each environment is reset with seed {@code seed + index} and samples its actions from its
 *       own stream ({@link ActionStreams});</li>
 *   <li>an {@link ActingPolicy} acts row by row, so a row's action and value depend on that row
 *       alone; any other policy always sees a matrix of {@code total} rows with environment
 *       {@code index} in row {@code index} (rows of other slices are zeros): BLAS computes a row
 *       differently depending on the matrix's height and the row's place in it, so a forward pass
 *       over a slice alone would not give the bits a pass over all environments gives;</li>
 *   <li>each environment's wrappers have their own {@link WrapperChain#deferred deferred} chain:
 *       they normalise with the run's statistics frozen for the rollout and keep their samples,
 *       which the learner adds to the run's statistics in environment order.</li>
 * </ul>
 */
public final class RolloutCollector implements AutoCloseable {
    private final SyncVectorEnvironment environments;
    private final List<WrapperChain> chains;
    private final int first;
    private final int total;
    private final AlgorithmSettings settings;
    /** Per row of a policy batch: the environment's own stream, or a throwaway one for other slices' rows. */
    private final List<RandomGenerator> rowStreams;
    /** The slice's own action streams, environment {@code first + j} at {@code j}. */
    private final List<ResumableRandom> ownStreams;
    private final int observationSize;
    private double[][] observations;
    private final long seed;

    /**
     * Creates environments {@code first .. first + count - 1} with {@code newEnvironment} (a new,
     * unwrapped one per call), wraps and resets them.
     */
    public RolloutCollector(Supplier<Environment> newEnvironment, WrapperSettings wrappers, int first, int count, int total,
                            AlgorithmSettings settings, long seed) {
        requireNonNull(newEnvironment, "newEnvironment is null");
        requireNonNull(wrappers, "wrappers is null");
        if (first < 0 || count < 1 || first + count > total) {
            throw new IllegalArgumentException("environments " + first + " .. " + (first + count - 1) + " are not a slice of "
                    + total);
        }
        this.settings = requireNonNull(settings, "settings is null");
        this.first = first;
        this.total = total;
        List<WrapperChain> chains = new ArrayList<>();
        List<Environment> created = new ArrayList<>();
        try {
            for (int j = 0; j < count; j++) {
                WrapperChain chain = WrapperChain.deferred(wrappers);
                chains.add(chain);
                created.add(new CheckedEnvironment(chain.wrap(newEnvironment.get(), first + j, total), first + j));
            }
            this.environments = new SyncVectorEnvironment(created);
        } catch (RuntimeException e) {
            created.forEach(Environment::close);
            throw e;
        }
        this.chains = List.copyOf(chains);
        this.observationSize = environments.observationSpace().flatSize();
        List<RandomGenerator> rows = new ArrayList<>(Collections.nCopies(total, new SplittableRandom(0)));
        List<ResumableRandom> own = ActionStreams.forEnvironments(seed, first, count);
        for (int j = 0; j < count; j++) {
            rows.set(first + j, own.get(j));
        }
        this.rowStreams = rows;
        this.ownStreams = new ArrayList<>(own);
        this.seed = seed;
        this.observations = environments.reset(seed + first);
    }

    public int size() {
        return environments.size();
    }

    /** The spaces of the environments as wrapped. */
    public io.acktr.api.env.Space observationSpace() {
        return environments.observationSpace();
    }

    public io.acktr.api.env.Space actionSpace() {
        return environments.actionSpace();
    }

    /**
     * Steps the slice {@code n} times with {@code policy}, whose parameters are those of update
     * {@code version}, normalising with {@code wrapperStatistics} (one per normalising wrapper).
     */
    public RolloutPart collect(Policy policy, long version, List<RunningStatistics> wrapperStatistics) {
        requireNonNull(policy, "policy is null");
        for (WrapperChain chain : chains) {
            chain.setStatistics(wrapperStatistics);
        }
        Acting acting = policy instanceof ActingPolicy actingPolicy
                ? new PlainActing(actingPolicy.actor(), ownStreams, observationSize)
                : new TensorActing(policy);
        Rollout rollout = new Rollout(settings.rolloutSteps(), environments.size(), observationSize, acting.actionWidth());
        for (int t = 0; t < rollout.steps; t++) {
            step(acting, rollout, t);
        }
        return finish(acting, rollout, version);
    }

    /*
     * A rollout is stepped one time step per call of step(..) and finished in finish(..), each a
     * method of its own: as one method with its loop, HotSpot compiled the whole of it, with the
     * policy's act step and the environments' step inlined, on the stack (OSR) and again after each
     * rare branch was first taken (the first truncated episode), about 1 s of C2 time per run.
     */

    /** What one rollout records, time step by time step. */
    private static final class Rollout {
        final int steps;
        final int envs;
        final int actionWidth;
        final double[] flatObservations;
        final double[] actionRows;
        final double[][] rewards;
        final double[][] values;
        final boolean[][] terminated;
        final boolean[][] truncated;
        final double[][] truncatedValues;
        final List<int[]> episodeAt = new ArrayList<>();
        final List<Double> episodeReturns = new ArrayList<>();
        final List<Long> episodeLengths = new ArrayList<>();
        // reused by every step: the environments read an action during their step only
        final double[][] actions;
        final double[] stepActions;
        final double[] bootstrap;

        Rollout(int steps, int envs, int observationSize, int actionWidth) {
            this.steps = steps;
            this.envs = envs;
            this.actionWidth = actionWidth;
            this.flatObservations = new double[steps * envs * observationSize];
            this.actionRows = new double[steps * envs * actionWidth];
            this.rewards = new double[steps][envs];
            this.values = new double[steps][envs];
            this.terminated = new boolean[steps][envs];
            this.truncated = new boolean[steps][envs];
            this.truncatedValues = new double[steps][envs];
            this.actions = new double[envs][actionWidth];
            this.stepActions = new double[envs * actionWidth];
            this.bootstrap = new double[envs];
        }
    }

    /** Time step {@code t}: acts on the slice's observations, steps the environments and records what they return. */
    private void step(Acting acting, Rollout r, int t) {
        int envs = r.envs;
        int actionWidth = r.actionWidth;
        int row = t * envs;
        for (int j = 0; j < envs; j++) {
            System.arraycopy(observations[j], 0, r.flatObservations, (row + j) * observationSize, observationSize);
        }
        acting.act(r.flatObservations, row, r.stepActions, r.values[t]);
        System.arraycopy(r.stepActions, 0, r.actionRows, row * actionWidth, envs * actionWidth);
        for (int j = 0; j < envs; j++) {
            System.arraycopy(r.stepActions, j * actionWidth, r.actions[j], 0, actionWidth);
        }
        VectorStep step = environments.step(r.actions);
        double[][] finalObservations = null;
        for (int j = 0; j < envs; j++) {
            r.rewards[t][j] = step.rewards()[j];
            r.terminated[t][j] = step.terminated()[j];
            r.truncated[t][j] = step.truncated()[j] && !step.terminated()[j];
            if (r.truncated[t][j]) {
                finalObservations = finalObservations == null ? new double[envs][] : finalObservations;
                finalObservations[j] = step.finalObservations()[j];
            }
            if (step.done(j) && !Double.isNaN(step.episodeReturns()[j])) {
                recordEpisode(r, t, j, step);
            }
        }
        if (finalObservations != null) {
            bootstrapTruncated(acting, r, t, finalObservations);
        }
        observations = step.observations();
    }

    private void recordEpisode(Rollout r, int t, int j, VectorStep step) {
        r.episodeAt.add(new int[] {t, first + j});
        r.episodeReturns.add(step.episodeReturns()[j]);
        r.episodeLengths.add(step.episodeLengths()[j]);
    }

    /** The values of the observations that truncated episodes ended on, which their advantages bootstrap from. */
    private static void bootstrapTruncated(Acting acting, Rollout r, int t, double[][] finalObservations) {
        acting.values(finalObservations, r.bootstrap);
        for (int j = 0; j < r.envs; j++) {
            if (finalObservations[j] != null) {
                r.truncatedValues[t][j] = r.bootstrap[j];
            }
        }
    }

    /**
     * Advantages and returns of the finished rollout, and the part it makes. Its loops sit in small
     * methods of their own: once per rollout, this one would otherwise be compiled on the stack (OSR)
     * with everything it calls inlined, which kept HotSpot's one C2 thread from the learner's code for
     * about 0.4 s of a 100,000-step run.
     */
    private RolloutPart finish(Acting acting, Rollout r, long version) {
        int steps = r.steps;
        int envs = r.envs;
        double[] lastValues = new double[envs];
        acting.values(observations, lastValues);
        double[][] advantages = Advantages.compute(r.rewards, r.values, r.terminated, r.truncated, r.truncatedValues,
                lastValues, settings.gamma(), settings.gaeLambda());
        double[] flatAdvantages = new double[steps * envs];
        double[] flatReturns = new double[steps * envs];
        flatten(advantages, r.values, flatAdvantages, flatReturns);
        return new RolloutPart(version, first, envs, steps, observationSize, r.actionWidth, r.flatObservations,
                r.actionRows, flatAdvantages, flatReturns, episodes(r), drainNormalizerSamples());
    }

    /** Row {@code t * envs + j} of {@code flatAdvantages} and {@code flatReturns}: the advantage, and the advantage plus the value. */
    private static void flatten(double[][] advantages, double[][] values, double[] flatAdvantages,
                                double[] flatReturns) {
        int envs = values.length == 0 ? 0 : values[0].length;
        for (int t = 0; t < values.length; t++) {
            for (int j = 0; j < envs; j++) {
                flatAdvantages[t * envs + j] = advantages[t][j];
                flatReturns[t * envs + j] = advantages[t][j] + values[t][j];
            }
        }
    }

    /** The episodes that ended during the rollout, in the order they ended. */
    private static FinishedEpisodes episodes(Rollout r) {
        int count = r.episodeAt.size();
        int[] steps = new int[count];
        int[] environments = new int[count];
        double[] returns = new double[count];
        long[] lengths = new long[count];
        for (int i = 0; i < count; i++) {
            steps[i] = r.episodeAt.get(i)[0];
            environments[i] = r.episodeAt.get(i)[1];
            returns[i] = r.episodeReturns.get(i);
            lengths[i] = r.episodeLengths.get(i);
        }
        return new FinishedEpisodes(steps, environments, returns, lengths);
    }

    /** Per environment of the slice, then per normalising wrapper, its samples concatenated. */
    private double[][] drainNormalizerSamples() {
        int normalizers = chains.get(0).normalizerCount();
        double[][] samples = new double[chains.size() * normalizers][];
        for (int j = 0; j < chains.size(); j++) {
            List<List<double[]>> drained = chains.get(j).drainSamples();
            for (int w = 0; w < normalizers; w++) {
                List<double[]> list = drained.get(w);
                int width = list.isEmpty() ? 0 : list.get(0).length;
                double[] concatenated = new double[list.size() * width];
                for (int i = 0; i < list.size(); i++) {
                    System.arraycopy(list.get(i), 0, concatenated, i * width, width);
                }
                samples[j * normalizers + w] = concatenated;
            }
        }
        return samples;
    }

    /** How a rollout gets the slice's actions and values from the policy. */
    private interface Acting {
        int actionWidth();

        /**
         * Actions ({@code envs x actionWidth}, row-major) and values of the slice's observations,
         * rows {@code first .. first + envs - 1} of {@code flatObservations}.
         */
        void act(double[] flatObservations, int firstRow, double[] actions, double[] values);

        /** Values of the slice's rows {@code rows[j]}; null rows are not needed and give 0. */
        void values(double[][] rows, double[] values);
    }

    /** An {@link ActingPolicy}'s actor, row by row: a row's numbers do not depend on the other rows. */
    private static final class PlainActing implements Acting {
        private final Actor actor;
        private final List<? extends RandomGenerator> streams;
        private final int observationSize;
        private final double[] slice;
        private final double[] value = new double[1];

        PlainActing(Actor actor, List<? extends RandomGenerator> streams, int observationSize) {
            this.actor = requireNonNull(actor, "actor is null");
            this.streams = streams;
            this.observationSize = observationSize;
            if (actor.observationSize() != observationSize) {
                throw new IllegalArgumentException("the policy's actor takes observations of " + actor.observationSize()
                        + " numbers, the environments give " + observationSize);
            }
            this.slice = new double[streams.size() * observationSize];
        }

        @Override
        public int actionWidth() {
            return actor.actionWidth();
        }

        @Override
        public void act(double[] flatObservations, int firstRow, double[] actions, double[] values) {
            System.arraycopy(flatObservations, firstRow * observationSize, slice, 0, slice.length);
            actor.act(slice, streams.size(), streams, actions, values);
        }

        @Override
        public void values(double[][] rows, double[] values) {
            for (int j = 0; j < rows.length; j++) {
                if (rows[j] == null) {
                    values[j] = 0.0;
                } else {
                    actor.values(rows[j], 1, value);
                    values[j] = value[0];
                }
            }
        }
    }

    /**
     * {@link Policy#forward} on a matrix of all {@code total} rows with environment {@code index}
     * in row {@code index} (rows of other slices are zeros): BLAS computes a row differently
     * depending on the matrix's height and the row's place in it.
     */
    private final class TensorActing implements Acting {
        private final Policy policy;
        private final int actionWidth;
        /**
         * The act step's {@code total x observationSize} observations in the policy's own type, reused
         * from step to step (a Nature-CNN step's are 7 MB): this slice writes its rows, the others stay 0.
         */
        private final INDArray observations;

        TensorActing(Policy policy) {
            this.policy = policy;
            Space actionSpace = environments.actionSpace();
            this.actionWidth = actionSpace instanceof DiscreteSpace ? 1 : actionSpace.flatSize();
            DataType type = policy.parameters().isEmpty() ? DataType.DOUBLE : policy.parameters().get(0).value().dataType();
            this.observations = Nd4j.zeros(type == DataType.FLOAT ? DataType.FLOAT : DataType.DOUBLE, total,
                    observationSize);
        }

        /** This slice's rows of {@link #observations}, from {@code flatObservations[firstRow ...]}. */
        private INDArray observations(double[] flatObservations, int firstRow, int envs) {
            int from = firstRow * observationSize;
            int to = first * observationSize;
            int n = envs * observationSize;
            if (observations.dataType() == DataType.FLOAT) {
                FloatBuffer buffer = observations.data().asNioFloat();
                for (int i = 0; i < n; i++) {
                    buffer.put(to + i, (float) flatObservations[from + i]);
                }
            } else {
                observations.data().asNioDouble().put(to, flatObservations, from, n);
            }
            Reference.reachabilityFence(observations);
            return observations;
        }

        @Override
        public int actionWidth() {
            return actionWidth;
        }

        @Override
        public void act(double[] flatObservations, int firstRow, double[] actions, double[] values) {
            int envs = environments.size();
            ForwardPass pass = policy.forward(observations(flatObservations, firstRow, envs));
            INDArray sampled = pass.distribution().sample(rowStreams);
            if (sampled.columns() != actionWidth) {
                throw new IllegalStateException("the policy samples actions of " + sampled.columns()
                        + " numbers, the action space " + environments.actionSpace().describe() + " has " + actionWidth);
            }
            double[] allActions = Vectors.toDoubles(sampled);
            double[] allValues = Vectors.toDoubles(pass.values());
            pass.release(); // copied out: the next step's forward pass may reuse its arrays
            System.arraycopy(allActions, first * actionWidth, actions, 0, envs * actionWidth);
            System.arraycopy(allValues, first, values, 0, envs);
        }

        @Override
        public void values(double[][] rows, double[] values) {
            double[] flat = new double[total * observationSize];
            for (int j = 0; j < rows.length; j++) {
                if (rows[j] != null) {
                    System.arraycopy(rows[j], 0, flat, (first + j) * observationSize, observationSize);
                }
            }
            ForwardPass pass = policy.forward(Nd4j.create(flat, new long[] {total, observationSize}, DataType.DOUBLE));
            double[] all = Vectors.toDoubles(pass.values());
            pass.release();
            for (int j = 0; j < rows.length; j++) {
                values[j] = rows[j] == null ? 0.0 : all[first + j];
            }
        }
    }

    /**
     * The slice's state between two rollouts, each environment's under {@code <index in the run>/}:
     * its action stream, the observation the next step acts on, its running return and length,
     * and, when its wrapped environment can save itself ({@link EnvironmentSnapshots}), that.
     */
    public SavedState saveState() {
        SavedState state = SavedState.empty();
        for (int j = 0; j < environments.size(); j++) {
            SavedState one = SavedState.empty().withLongs("action-stream", ownStreams.get(j).state())
                    .with("observation", observations[j]).with("running-return", environments.runningReturn(j))
                    .with("running-length", environments.runningLength(j));
            Optional<SavedState> environment = EnvironmentSnapshots.save(environments.environment(j));
            if (environment.isPresent()) {
                one = one.with("environment/", environment.get());
            }
            state = state.with((first + j) + "/", one);
        }
        return state;
    }

    /**
     * Continues from {@code state} (of the whole run: every environment's under its index), before
     * the first rollout: the action streams go on where they were; an environment saved mid-episode
     * continues it, one that could not save itself starts a new episode (seeded with the run's seed,
     * its index and the update count, so not a replay of the run's first one).
     *
     * @throws IllegalArgumentException naming the environment whose state does not fit
     */
    public void restoreState(SavedState state, long updates) {
        // the construction's resets left normalisation samples the saved run never had between two rollouts
        chains.forEach(WrapperChain::drainSamples);
        for (int j = 0; j < environments.size(); j++) {
            int index = first + j;
            SavedState one = state.part(index + "/");
            try {
                if (one.isEmpty()) { // a run whose workers saved nothing (hosted elsewhere): a new episode, streams afresh
                    observations[j] = environments.resetOne(j, seed + index + 1_000_003L * updates);
                    continue;
                }
                ResumableRandom stream = ResumableRandom.of(one.longs("action-stream"));
                ownStreams.set(j, stream);
                rowStreams.set(index, stream);
                SavedState environment = one.part("environment/");
                if (!environment.isEmpty() && EnvironmentSnapshots.canSave(environments.environment(j))) {
                    EnvironmentSnapshots.restore(environments.environment(j), environment);
                    double[] observation = one.doubles("observation");
                    if (observation.length != observationSize) {
                        throw new IllegalArgumentException("its observation has " + observation.length + " values, expected "
                                + observationSize);
                    }
                    observations[j] = observation;
                    environments.continueEpisode(j, one.scalar("running-return"), one.whole("running-length"));
                } else {
                    observations[j] = environments.resetOne(j, seed + index + 1_000_003L * updates);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the saved state of environment " + index + " does not fit: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        environments.close();
    }
}
