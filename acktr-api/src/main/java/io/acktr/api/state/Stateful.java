package io.acktr.api.state;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * An optional ability of a run's component (a {@link io.acktr.api.curvature.CurvatureEstimator},
 * a {@link io.acktr.api.step.StepSizeRule}, an environment: see
 * {@link io.acktr.api.env.RestorableEnvironment}): to hand its state to a checkpoint and take it
 * back when the run resumes, so that the resumed run goes on as the uninterrupted one would have.
 *
 * <pre>{@code
 * SavedState saved = estimator.saveState();   // between two updates, on the training thread
 * ...                                         // the checkpoint is written, the process ends
 * CurvatureEstimator fresh = factory.create();  // built from the run's own configuration
 * ((Stateful) fresh).restoreState(saved);       // before its first update
 * }</pre>
 *
 * <p>A component that does not implement this starts afresh when its run resumes (a component with
 * no state between updates needs nothing). Saving must not change the component: a run that
 * saves at every update computes the same numbers as one that never saves.
 */
@ExtensionPoint
public interface Stateful {
    /** What must survive the process: copies, which later updates do not change. */
    SavedState saveState();

    /**
     * Takes back what {@link #saveState()} of a component built from the same configuration gave.
     *
     * @throws IllegalArgumentException naming the entry that is missing or does not fit
     */
    void restoreState(SavedState state);
}
