package io.acktr.envs.render;

/** How {@link EpisodeRecorder} stores an episode. */
public enum RecordingFormat {
    /** One looping animated GIF per episode, {@code <id>-episode-<n>.gif}. */
    GIF,
    /** One folder per episode, {@code <id>-episode-<n>/}, holding {@code frame-00000.png}, {@code frame-00001.png}, ... */
    PNG_FRAMES
}
