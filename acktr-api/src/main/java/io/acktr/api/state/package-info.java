/**
 * What a run's components save into a checkpoint and take back on resume: the optional
 * {@link io.acktr.api.state.Stateful} ability, its {@link io.acktr.api.state.SavedState} value, and
 * {@link io.acktr.api.state.ResumableRandom}, a random generator whose state can be saved.
 */
package io.acktr.api.state;
