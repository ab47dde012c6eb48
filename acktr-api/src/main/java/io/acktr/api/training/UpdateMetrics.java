package io.acktr.api.training;

/**
 * What one update reports. Field names map to the {@code progress.csv} columns in snake case.
 *
 * @param envSteps environment steps so far, over all environments
 * @param updates updates so far, this one included
 * @param episodes finished episodes so far
 * @param meanReturn mean return of the last 100 finished episodes (NaN before the first)
 * @param entropy mean policy entropy on the batch
 * @param valueLoss mean squared error of the value function on the batch
 * @param policyLoss the policy-gradient term of the loss on the batch
 * @param kl mean {@code KL(old || new)} of the update, measured on the batch
 * @param predictedKl the step rule's prediction of {@code kl}
 * @param stepSize the effective step size {@code eta}
 * @param fps environment steps per second of wall time since the start
 * @param skippedUpdates updates skipped so far because of non-finite numbers
 * @param residentBytes the process's resident set after the update (Java heap and native buffers)
 * @param directionCosine the cosine between the curvature estimator's direction and the batch's exact
 *     damped natural gradient (NaN on updates that did not measure it)
 * @param directionCosinePerGroup the mean over parameter groups (a separate actor and critic) of that
 *     cosine within each group (NaN where {@code directionCosine} is)
 */
public record UpdateMetrics(long envSteps, long updates, long episodes, double meanReturn, double entropy,
                            double valueLoss, double policyLoss, double kl, double predictedKl, double stepSize,
                            double fps, long skippedUpdates, long residentBytes, double directionCosine,
                            double directionCosinePerGroup) {
    /** The metrics of an update that did not measure the direction cosine. */
    public UpdateMetrics(long envSteps, long updates, long episodes, double meanReturn, double entropy,
                         double valueLoss, double policyLoss, double kl, double predictedKl, double stepSize,
                         double fps, long skippedUpdates, long residentBytes) {
        this(envSteps, updates, episodes, meanReturn, entropy, valueLoss, policyLoss, kl, predictedKl, stepSize, fps,
                skippedUpdates, residentBytes, Double.NaN, Double.NaN);
    }
}
