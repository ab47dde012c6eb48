/**
 * Statistics for comparing training runs over seeds, after Agarwal et al. 2021, "Deep
 * Reinforcement Learning at the Edge of the Statistical Precipice" (NeurIPS): the interquartile
 * mean, percentile confidence intervals from a stratified bootstrap, the probability of
 * improvement and performance profiles. Pure Java, stateless apart from the bootstrap's seeded
 * random generator; no I/O.
 */
package io.acktr.runtime.statistics;
