package io.acktr.runtime.algorithm;

/**
 * What one update measured on its batch.
 *
 * @param applied false when a non-finite direction or step made the update skip
 * @param kl mean {@code KL(old || new)} over the batch, measured after the step
 */
public record UpdateResult(boolean applied, double policyLoss, double valueLoss, double entropy, double kl,
                           double predictedKl, double stepSize) {
}
