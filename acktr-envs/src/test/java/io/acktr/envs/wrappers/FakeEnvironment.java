package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written fake for wrapper tests. Observations come from a script, one per reset or step
 * in order, cycling; by default observation {@code k} (counted over resets and steps from 0) has
 * element {@code i} equal to {@code k + i / 10}. The reward of step {@code j} (counted over all
 * episodes from 0) is {@code rewards[j % rewards.length]}, 1 by default. Every episode terminates
 * on its step {@code episodeLength}. Remembers the actions it was given and whether it was closed.
 */
final class FakeEnvironment implements Environment {
    private final Space observationSpace;
    private final Space actionSpace;
    private int episodeLength = Integer.MAX_VALUE;
    private double[][] observations;
    private double[] rewards = {1.0};
    private int observationCount;
    private int stepCount;
    private int episodeStep;
    final List<double[]> actions = new ArrayList<>();
    final List<Long> seeds = new ArrayList<>();
    final List<double[]> announced = new ArrayList<>();
    boolean closed;

    FakeEnvironment(Space observationSpace, Space actionSpace) {
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
    }

    /** Observations of {@code size} elements in {@code [-1000, 1000]}, actions a box of 2 elements in {@code [-2, 2]}. */
    static FakeEnvironment ofSize(int size) {
        return new FakeEnvironment(BoxSpace.uniform(-1000, 1000, size), BoxSpace.uniform(-2, 2, 2));
    }

    FakeEnvironment terminatingAfter(int steps) {
        this.episodeLength = steps;
        return this;
    }

    FakeEnvironment observations(double[]... script) {
        this.observations = script;
        return this;
    }

    FakeEnvironment rewards(double... script) {
        this.rewards = script;
        return this;
    }

    @Override
    public String id() {
        return "Fake-v0";
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public double[] reset(long seed) {
        seeds.add(seed);
        return reset();
    }

    @Override
    public double[] reset() {
        episodeStep = 0;
        return nextObservation();
    }

    @Override
    public StepResult step(double[] action) {
        actions.add(action.clone());
        double reward = rewards[stepCount % rewards.length];
        stepCount++;
        episodeStep++;
        return new StepResult(nextObservation(), reward, episodeStep >= episodeLength, false);
    }

    @Override
    public void announceStep(double[] action) {
        announced.add(action.clone());
    }

    @Override
    public void close() {
        closed = true;
    }

    private double[] nextObservation() {
        int k = observationCount++;
        if (observations != null) {
            return observations[k % observations.length].clone();
        }
        double[] observation = new double[observationSpace.flatSize()];
        for (int i = 0; i < observation.length; i++) {
            observation[i] = k + i / 10.0;
        }
        return observation;
    }
}
