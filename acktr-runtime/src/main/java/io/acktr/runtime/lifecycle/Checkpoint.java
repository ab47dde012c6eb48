package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.numerics.Vectors;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.envs.wrappers.WrapperSettings;
import io.acktr.api.state.SavedState;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a run saves so that its policy can be evaluated (or trained on) later: its counters, a copy
 * of the policy's parameter blocks in the policy's order, and the shared normalisation statistics
 * of its wrappers ({@link WrapperChain#exportStatistics()}; empty without normalising wrappers).
 * {@link CheckpointStore} writes and reads it.
 *
 * <pre>{@code
 * Checkpoint saved = Checkpoint.capture(policy, wrappers, envSteps, updates);
 * new CheckpointStore(runDirectory).write(saved);
 * ...
 * Checkpoint read = new CheckpointStore(runDirectory).read();
 * read.restoreStatistics(freshWrappers);   // before wrapping the environment, or after
 * read.restoreParameters(freshPolicy);     // a policy built from the run's configuration
 * }</pre>
 *
 * @param origin where the checkpoint came from, for messages: the file it was read from, or the
 *     update it was captured at
 * @param envSteps environment steps of the run when it was captured, over all environments
 * @param updates updates of the run when it was captured
 * @param parameters copies of the policy's parameter blocks, in the policy's order
 * @param wrapperStatistics {@link WrapperChain#exportStatistics()} of the run's wrappers
 * @param trainingState what a resumed run needs beyond the parameters, by component (the learner's
 *     counters and episode window, the update's random generator, the curvature estimator's and the
 *     step rule's state, the environments'); empty in a checkpoint that can be evaluated but not resumed
 */
public record Checkpoint(String origin, long envSteps, long updates, List<Block> parameters, Config wrapperStatistics,
                         Map<String, SavedState> trainingState) {
    public Checkpoint {
        requireNonNull(origin, "origin is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(wrapperStatistics, "wrapperStatistics is null");
        requireNonNull(trainingState, "trainingState is null");
        trainingState = Collections.unmodifiableMap(new LinkedHashMap<>(trainingState));
        if (envSteps < 0 || updates < 0) {
            throw new IllegalArgumentException("envSteps and updates must be >= 0, got " + envSteps + " and " + updates);
        }
        parameters = List.copyOf(parameters);
        Set<String> names = new HashSet<>();
        for (Block block : parameters) {
            if (!names.add(block.name())) {
                throw new IllegalArgumentException("parameter block names must be unique, \"" + block.name() + "\" repeats");
            }
        }
    }

    /** A checkpoint without training state: it can be evaluated, not resumed. */
    public Checkpoint(String origin, long envSteps, long updates, List<Block> parameters, Config wrapperStatistics) {
        this(origin, envSteps, updates, parameters, wrapperStatistics, Map.of());
    }

    /** This checkpoint with {@code state} as its training state. */
    public Checkpoint withTrainingState(Map<String, SavedState> state) {
        return new Checkpoint(origin, envSteps, updates, parameters, wrapperStatistics, state);
    }

    /** Whether a run can resume from this checkpoint. */
    public boolean canResume() {
        return !trainingState.isEmpty();
    }

    /** A named parameter tensor. */
    public record Block(String name, INDArray value) {
        public Block {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }

        public long[] shape() {
            return value.shape();
        }

        public DataType dataType() {
            return value.dataType();
        }

        String describe() {
            return "\"" + name + "\" " + Arrays.toString(value.shape()) + " " + value.dataType();
        }
    }

    /** The policy's parameters (copied, so training may go on) and the wrappers' statistics now. */
    public static Checkpoint capture(Policy policy, WrapperChain wrappers, long envSteps, long updates) {
        requireNonNull(policy, "policy is null");
        requireNonNull(wrappers, "wrappers is null");
        List<Block> blocks = policy.parameters().stream().map(b -> new Block(b.name(), b.value().dup())).toList();
        return new Checkpoint("update " + updates, envSteps, updates, blocks, wrappers.exportStatistics());
    }

    /** The name of the first parameter block that holds a NaN or an infinity. */
    public Optional<String> firstNonFiniteBlock() {
        return parameters.stream().filter(b -> !Vectors.isFinite(b.value())).map(Block::name).findFirst();
    }

    /**
     * Copies the saved parameters into {@code policy}'s blocks, all or none: the policy must have
     * blocks of the same names, order, shapes and data types.
     *
     * @throws InvalidCheckpointException naming {@link #origin()} and the first block that differs
     */
    public void restoreParameters(Policy policy) {
        List<ParameterBlock> target = policy.parameters();
        if (target.size() != parameters.size()) {
            throw new InvalidCheckpointException(origin + ": holds " + parameters.size() + " parameter blocks "
                    + parameters.stream().map(Block::name).toList() + ", but the policy has " + target.size() + " "
                    + target.stream().map(ParameterBlock::name).toList());
        }
        for (int i = 0; i < target.size(); i++) {
            Block saved = parameters.get(i);
            Block wanted = new Block(target.get(i).name(), target.get(i).value());
            if (!saved.name().equals(wanted.name()) || !Arrays.equals(saved.shape(), wanted.shape())
                    || saved.dataType() != wanted.dataType()) {
                throw new InvalidCheckpointException(origin + ": parameter block " + (i + 1) + " is " + saved.describe()
                        + ", but the policy's is " + wanted.describe()
                        + "; restore into a policy built from the run's own configuration");
            }
        }
        for (int i = 0; i < target.size(); i++) {
            target.get(i).value().assign(parameters.get(i).value());
        }
    }

    /**
     * Gives {@code wrappers} the saved normalisation statistics.
     *
     * @throws InvalidCheckpointException naming {@link #origin()} when they do not fit the chain's entries
     */
    public void restoreStatistics(WrapperChain wrappers) {
        try {
            wrappers.restoreStatistics(wrapperStatistics);
        } catch (IllegalArgumentException | ConfigException e) {
            throw new InvalidCheckpointException(origin + ": the wrapper statistics do not fit " + WrapperSettings.PATH
                    + ": " + e.getMessage(), e);
        }
    }
}
