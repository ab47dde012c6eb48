package io.acktr.runtime.bus;

/** Published on {@link Addresses#metrics}: an episode of one of the run's environments ended. */
public record EpisodeEnded(double episodeReturn, long episodeLength) {
}
