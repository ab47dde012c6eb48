package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.envs.wrappers.RunningStatistics;
import io.acktr.numerics.Vectors;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the learner sends its rollout workers before each rollout: the policy's parameters after
 * {@code version} updates, every block flattened in row-major order and concatenated in
 * {@link Policy#parameters()} order (in the policy's own precision: exactly one of the two arrays
 * is set), and the normalisation statistics the workers' wrappers use, frozen for the rollout.
 * Arrays are shared, not copied: nobody writes them once the record exists.
 */
public record ParameterSnapshot(long version, float[] floatParameters, double[] doubleParameters,
                                List<RunningStatistics> wrapperStatistics) {
    public ParameterSnapshot {
        if ((floatParameters == null) == (doubleParameters == null)) {
            throw new IllegalArgumentException("exactly one of floatParameters and doubleParameters must be set");
        }
        wrapperStatistics = List.copyOf(requireNonNull(wrapperStatistics, "wrapperStatistics is null"));
    }

    /** A copy of {@code policy}'s parameters now. */
    public static ParameterSnapshot capture(long version, Policy policy, List<RunningStatistics> wrapperStatistics) {
        List<ParameterBlock> blocks = policy.parameters();
        long total = blocks.stream().mapToLong(ParameterBlock::size).sum();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a policy of " + total + " parameters does not fit one snapshot");
        }
        boolean doubles = !blocks.isEmpty() && blocks.get(0).value().dataType() == DataType.DOUBLE;
        float[] floats = doubles ? null : new float[(int) total];
        double[] values = doubles ? new double[(int) total] : null;
        int offset = 0;
        for (ParameterBlock block : blocks) {
            if (doubles) {
                Vectors.read(block.value(), values, offset);
            } else {
                Vectors.read(block.value(), floats, offset);
            }
            offset += (int) block.size();
        }
        return new ParameterSnapshot(version, floats, values, wrapperStatistics);
    }

    public int size() {
        return floatParameters != null ? floatParameters.length : doubleParameters.length;
    }

    /** Writes the parameters into {@code policy}, which must have the blocks they were captured from. */
    public void copyInto(Policy policy) {
        long offset = 0;
        for (ParameterBlock block : policy.parameters()) {
            INDArray target = block.value();
            int from = (int) offset;
            int to = (int) (offset + block.size());
            if (to > size()) {
                throw new IllegalArgumentException("the snapshot has " + size() + " parameters, the policy more");
            }
            if (floatParameters != null) {
                Vectors.write(floatParameters, from, target);
            } else {
                Vectors.write(doubleParameters, from, target);
            }
            offset = to;
        }
        if (offset != size()) {
            throw new IllegalArgumentException("the snapshot has " + size() + " parameters, the policy " + offset);
        }
    }
}
