/**
 * The five MinAtar games, {@link io.acktr.envs.minatar.Asterix}, {@link io.acktr.envs.minatar.Breakout},
 * {@link io.acktr.envs.minatar.Freeway}, {@link io.acktr.envs.minatar.Seaquest} and
 * {@link io.acktr.envs.minatar.SpaceInvaders}, registered as {@code MinAtar/<Game>-v0}. Their rules
 * are those described by K. Young and T. Tian, "MinAtar: An Atari-Inspired Testbed for Thorough and
 * Reproducible Reinforcement Learning Experiments", 2019 (arXiv 1903.03176), and in the testbed's
 * documentation; the code, and every detail those descriptions leave open, are ours. Each game's
 * javadoc lists those details.
 *
 * <p>{@link io.acktr.envs.minatar.MinAtarGame} holds what the games share: all six actions, sticky
 * actions with probability 0.1, seeding, rendering and no time limit. An observation is a
 * {@code 10 x 10 x channels} binary grid flattened as {@code [row][column][channel]}.
 */
package io.acktr.envs.minatar;
