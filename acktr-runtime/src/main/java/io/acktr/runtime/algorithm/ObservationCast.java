package io.acktr.runtime.algorithm;

import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch's observations in the parameters' data type, cast once for an update's several forward
 * passes, into the array the previous update used when the shape is the same: nothing reads an
 * update's observations once it returns (a pass's layers copy them).
 */
final class ObservationCast {
    private INDArray cast;

    Batch inPolicyType(Batch batch, Policy policy) {
        List<ParameterBlock> blocks = policy.parameters();
        INDArray observations = batch.observations();
        if (blocks.isEmpty() || observations.dataType() == blocks.get(0).value().dataType()) {
            return batch;
        }
        DataType type = blocks.get(0).value().dataType();
        if (cast == null || cast.dataType() != type || !Arrays.equals(cast.shape(), observations.shape())) {
            cast = Nd4j.createUninitialized(type, observations.shape(), 'c');
        }
        cast.assign(observations);
        return new Batch(cast, batch.actions(), batch.advantages(), batch.returns());
    }
}
