package io.acktr.envs.render;

import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.StepResult;
import io.acktr.envs.wrappers.ForwardingEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Records every episode of the wrapped environment, like Gymnasium's {@code RecordVideo}: it
 * renders once after each reset and once after each step, streaming the frames to
 * {@code <directory>/<id>-episode-<n>} (n counted from 0; a slash in the id is written as
 * {@code _}) as a GIF or as numbered PNG files. An episode's recording is finished when a step
 * ends it (terminated or truncated), at the next reset, or at {@link #close()}; steps taken after
 * the end are not recorded. The directory is created at the first reset. I/O failures surface as
 * {@link UncheckedIOException}. {@link #firstEpisodeGif} records the first episode alone, into a
 * file of the caller's name.
 *
 * <pre>{@code
 * try (EpisodeRecorder env = new EpisodeRecorder(registry.create("CartPole-v1"), Path.of("videos"), RecordingFormat.GIF, 50)) {
 *     double[] obs = env.reset(0);
 *     StepResult r;
 *     do { r = env.step(policy.act(obs)); obs = r.observation(); } while (!r.done());
 * }
 * }</pre>
 */
public final class EpisodeRecorder extends ForwardingEnvironment {
    private final Path directory;
    private final RecordingFormat format;
    private final int framesPerSecond;
    /** The file of the one episode recorded, for {@link #firstEpisodeGif}; null: every episode, named in order. */
    private final Path singleFile;
    private final List<Path> recordings = new ArrayList<>();
    private int episodes;
    private GifWriter gif;
    private Path pngFolder;
    private int pngFrames;

    /**
     * @param framesPerSecond playback rate of GIFs (Gymnasium's {@code render_fps}: 50 for
     *                        CartPole, 30 for Pendulum and the mountain cars, 15 for Acrobot)
     */
    public EpisodeRecorder(Environment environment, Path directory, RecordingFormat format, int framesPerSecond) {
        this(environment, directory, format, framesPerSecond, null);
    }

    private EpisodeRecorder(Environment environment, Path directory, RecordingFormat format, int framesPerSecond,
                            Path singleFile) {
        super(environment);
        this.directory = requireNonNull(directory, "directory is null");
        this.format = requireNonNull(format, "format is null");
        if (framesPerSecond < 1 || framesPerSecond > 100) {
            throw new IllegalArgumentException("framesPerSecond must be in [1, 100], got " + framesPerSecond);
        }
        this.framesPerSecond = framesPerSecond;
        this.singleFile = singleFile;
    }

    /** Records the first episode of {@code environment} as the GIF {@code file}; later episodes pass through unrecorded. */
    public static EpisodeRecorder firstEpisodeGif(Environment environment, Path file, int framesPerSecond) {
        Path absolute = requireNonNull(file, "file is null").toAbsolutePath();
        return new EpisodeRecorder(environment, absolute.getParent(), RecordingFormat.GIF, framesPerSecond, absolute);
    }

    /** The GIF files or PNG folders of the episodes recorded so far, finished or not, in order. */
    public List<Path> recordings() {
        return List.copyOf(recordings);
    }

    @Override
    public double[] reset(long seed) {
        finishEpisode();
        double[] observation = super.reset(seed);
        startEpisode();
        return observation;
    }

    @Override
    public double[] reset() {
        finishEpisode();
        double[] observation = super.reset();
        startEpisode();
        return observation;
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        if (recording()) {
            capture(render());
            if (result.done()) {
                finishEpisode();
            }
        }
        return result;
    }

    /** Finishes the current recording and closes the wrapped environment. */
    @Override
    public void close() {
        try {
            finishEpisode();
        } finally {
            super.close();
        }
    }

    @Override
    public String toString() {
        return "EpisodeRecorder(" + environment() + ", " + directory + ")";
    }

    private boolean recording() {
        return gif != null || pngFolder != null;
    }

    private void startEpisode() {
        if (singleFile != null && episodes > 0) {
            return;
        }
        RgbFrame first = render(); // before creating files, for an environment that cannot render
        // an id with a family prefix (MinAtar/Breakout-v0, gymnasium/Hopper-v5) names a file, not a folder
        String name = id().replace('/', '_') + "-episode-" + episodes++;
        try {
            Files.createDirectories(directory);
            if (format == RecordingFormat.GIF) {
                Path file = singleFile != null ? singleFile : directory.resolve(name + ".gif");
                gif = GifWriter.create(file, framesPerSecond);
                recordings.add(file);
            } else {
                pngFolder = Files.createDirectories(directory.resolve(name));
                pngFrames = 0;
                recordings.add(pngFolder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start recording " + name + " in " + directory, e);
        }
        capture(first);
    }

    private void capture(RgbFrame frame) {
        try {
            if (gif != null) {
                gif.append(frame);
            } else {
                FrameImages.writePng(frame, pngFolder.resolve(String.format(Locale.ROOT, "frame-%05d.png", pngFrames++)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a frame of " + recordings.get(recordings.size() - 1), e);
        }
    }

    private void finishEpisode() {
        pngFolder = null;
        if (gif == null) {
            return;
        }
        GifWriter finishing = gif;
        gif = null;
        try {
            finishing.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + finishing.file(), e);
        }
    }
}
