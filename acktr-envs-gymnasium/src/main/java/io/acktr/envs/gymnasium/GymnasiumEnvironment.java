package io.acktr.envs.gymnasium;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

/**
 * One Gymnasium environment, {@code gymnasium/<id>}, hosted by a {@link GymnasiumProcess} that it
 * may share with the other environments of the run. Made in Python when first used (its spaces
 * asked, reset or stepped), not when constructed. Semantics are Gymnasium's: {@code reset(seed)} is
 * {@code reset(seed=seed)}, {@code terminated} and {@code truncated} are what Gymnasium returned
 * (its registered {@code TimeLimit} included; the bridge adds none), box actions outside the bounds
 * are passed on unclipped, as Gymnasium passes them to the environment. Observations arrive as
 * float64 (a float32 observation is widened exactly). Announced steps ({@link #announceStep}) are
 * sent together with the other announced steps of the process.
 */
final class GymnasiumEnvironment implements Environment {
    private final GymnasiumProcess process;
    private final String id;
    private GymnasiumProcess.Made made;
    private boolean closed;

    /** Attaches to {@code process}, which must accept it. */
    GymnasiumEnvironment(GymnasiumProcess process, String gymnasiumId) {
        this.process = requireNonNull(process, "process is null");
        this.id = "gymnasium/" + requireNonNull(gymnasiumId, "gymnasiumId is null");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Space observationSpace() {
        return made().observationSpace();
    }

    @Override
    public Space actionSpace() {
        return made().actionSpace();
    }

    /** The numpy dtype of observations in Gymnasium, e.g. {@code float32}. */
    String observationDtype() {
        return made().observationDtype();
    }

    /** The numpy dtype of actions in Gymnasium, e.g. {@code float32} or {@code int64} for a discrete space. */
    String actionDtype() {
        return made().actionDtype();
    }

    @Override
    public double[] reset(long seed) {
        return process.reset(made().handle(), true, seed);
    }

    @Override
    public double[] reset() {
        return process.reset(made().handle(), false, 0);
    }

    @Override
    public void announceStep(double[] action) {
        process.announce(made().handle(), checked(action));
    }

    @Override
    public StepResult step(double[] action) {
        return process.step(made().handle(), checked(action));
    }

    @Override
    public RgbFrame render() {
        return process.render(made().handle());
    }

    /** Sets {@code env.unwrapped.<name>} in Python (e.g. {@code state}); for conformance tests. */
    void setUnwrappedAttribute(String name, double[] values, boolean float32) {
        process.setAttribute(made().handle(), name, values, float32);
    }

    /** {@code env.unwrapped.<name>} in Python as float64 values; for conformance tests. */
    double[] unwrappedAttribute(String name) {
        return process.attribute(made().handle(), name);
    }

    GymnasiumProcess process() {
        return process;
    }

    /** Closes the environment in Python; the process ends with the last environment it hosts. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.detach(made == null ? -1 : made.handle());
    }

    private GymnasiumProcess.Made made() {
        if (closed) {
            throw new IllegalStateException(id + " is closed");
        }
        if (made == null) {
            made = process.make();
        }
        return made;
    }

    private double[] checked(double[] action) {
        Space space = made().actionSpace();
        if (space instanceof DiscreteSpace discrete) {
            discrete.index(action, id);
        } else {
            ((BoxSpace) space).checkAction(action, id);
        }
        return action;
    }

    @Override
    public String toString() {
        return "GymnasiumEnvironment(" + id + ")";
    }
}
