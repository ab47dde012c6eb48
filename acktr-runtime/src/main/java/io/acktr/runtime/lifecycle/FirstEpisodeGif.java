package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.StepResult;
import io.acktr.envs.render.GifWriter;
import io.acktr.envs.wrappers.ForwardingEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Records the first episode of the wrapped environment as an animated GIF: one frame after its
 * reset and one after each of its steps, finished when a step ends it or at {@link #close()}.
 * Later episodes pass through unrecorded.
 */
final class FirstEpisodeGif extends ForwardingEnvironment {
    private final Path file;
    private final int framesPerSecond;
    private GifWriter gif;
    private boolean started;

    FirstEpisodeGif(Environment environment, Path file, int framesPerSecond) {
        super(environment);
        this.file = requireNonNull(file, "file is null");
        this.framesPerSecond = framesPerSecond;
    }

    @Override
    public double[] reset(long seed) {
        finish();
        double[] observation = super.reset(seed);
        start();
        return observation;
    }

    @Override
    public double[] reset() {
        finish();
        double[] observation = super.reset();
        start();
        return observation;
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        if (gif != null) {
            append(render());
            if (result.done()) {
                finish();
            }
        }
        return result;
    }

    @Override
    public void close() {
        try {
            finish();
        } finally {
            super.close();
        }
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        RgbFrame first = render(); // before creating the file, for an environment that cannot render
        try {
            gif = GifWriter.create(file, framesPerSecond);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
        append(first);
    }

    private void append(RgbFrame frame) {
        try {
            gif.append(frame);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a frame to " + file + ": " + e.getMessage(), e);
        }
    }

    private void finish() {
        if (gif == null) {
            return;
        }
        GifWriter finishing = gif;
        gif = null;
        try {
            finishing.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + file + ": " + e.getMessage(), e);
        }
    }
}
