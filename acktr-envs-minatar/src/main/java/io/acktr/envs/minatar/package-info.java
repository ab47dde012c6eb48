/**
 * Java ports of the five MinAtar games (Young and Tian 2019, "MinAtar: An Atari-Inspired Testbed for
 * Thorough and Reproducible Reinforcement Learning Experiments"; Python reference kenjyoung/MinAtar,
 * by Kenny Young and Tian Tian, licensed GPL-3.0): {@link io.acktr.envs.minatar.Asterix},
 * {@link io.acktr.envs.minatar.Breakout}, {@link io.acktr.envs.minatar.Freeway},
 * {@link io.acktr.envs.minatar.Seaquest} and {@link io.acktr.envs.minatar.SpaceInvaders}, registered
 * as {@code MinAtar/<Game>-v0}.
 *
 * <p>Each game follows its {@code minatar/environments/<game>.py} statement by statement, and
 * {@link io.acktr.envs.minatar.MinAtarGame} adds what {@code minatar/environment.py} and the gym
 * registration add: all six actions, sticky actions with probability 0.1, difficulty ramping on, and
 * no time limit. Driven by the same random draws the ports reproduce MinAtar's episodes exactly;
 * only the generator differs ({@link java.util.SplittableRandom} instead of NumPy's
 * {@code RandomState}), so a seed gives a different episode than the same seed in MinAtar.
 *
 * <p>Observations are MinAtar's {@code state()}: a {@code 10 x 10 x channels} binary grid,
 * flattened row-major as {@code [row][column][channel]}.
 */
package io.acktr.envs.minatar;
