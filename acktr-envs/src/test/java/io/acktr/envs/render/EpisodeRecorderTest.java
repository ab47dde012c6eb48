package io.acktr.envs.render;

import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.CartPole;
import io.acktr.envs.providers.PendulumProvider;
import io.acktr.envs.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpisodeRecorderTest {
    private static final double[] RIGHT = {1};

    @Test
    void recordsEachEpisodeAsAGifWithOneFrameForTheResetAndOnePerStep(@TempDir Path directory) throws IOException {
        List<RgbFrame> expectedFirst = new ArrayList<>();
        try (EpisodeRecorder env = new EpisodeRecorder(new TimeLimit(new CartPole(), 4), directory, RecordingFormat.GIF, 50)) {
            env.reset(0);
            expectedFirst.add(env.render());
            StepResult result;
            do {
                result = env.step(RIGHT);
                expectedFirst.add(env.render());
            } while (!result.done());
            env.step(RIGHT); // after the time limit: not recorded

            env.reset();
            env.step(RIGHT);
            env.step(RIGHT);
        }

        Path first = directory.resolve("CartPole-v1-episode-0.gif");
        Path second = directory.resolve("CartPole-v1-episode-1.gif");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactlyInAnyOrder(first, second);
        }
        List<BufferedImage> firstImages = GifWriterTest.readAll(first);
        assertThat(firstImages).hasSize(1 + 4);
        for (int i = 0; i < firstImages.size(); i++) {
            GifWriterTest.assertSamePixels(firstImages.get(i), expectedFirst.get(i));
        }
        assertThat(GifWriterTest.readAll(second)).hasSize(1 + 2);
    }

    @Test
    void firstEpisodeGifRecordsTheFirstEpisodeAloneIntoTheGivenFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("clips").resolve("policy.gif");
        try (EpisodeRecorder env = EpisodeRecorder.firstEpisodeGif(new TimeLimit(new CartPole(), 3), file, 50)) {
            env.reset(0);
            StepResult result;
            do {
                result = env.step(RIGHT);
            } while (!result.done());
            env.reset(1); // a second episode: played, not recorded
            env.step(RIGHT);

            assertThat(env.recordings()).containsExactly(file.toAbsolutePath());
        }

        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        assertThat(GifWriterTest.readAll(file)).hasSize(1 + 3);
    }

    @Test
    void writesNumberedPngFramesWhenAskedTo(@TempDir Path directory) throws IOException {
        EpisodeRecorder env = new EpisodeRecorder(new PendulumProvider().create(), directory, RecordingFormat.PNG_FRAMES, 30);
        env.reset(3);
        RgbFrame start = env.render();
        env.step(new double[] {1.0});
        env.step(new double[] {-1.0});
        RgbFrame last = env.render();
        env.close();

        Path episode = directory.resolve("Pendulum-v1-episode-0");
        assertThat(env.recordings()).containsExactly(episode);
        try (Stream<Path> files = Files.list(episode)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("frame-00000.png", "frame-00001.png", "frame-00002.png");
        }
        GifWriterTest.assertSamePixels(ImageIO.read(episode.resolve("frame-00000.png").toFile()), start);
        GifWriterTest.assertSamePixels(ImageIO.read(episode.resolve("frame-00002.png").toFile()), last);
    }

    @Test
    void anEnvironmentThatCannotRenderFailsAtResetWithoutLeavingAFile(@TempDir Path directory) throws IOException {
        EpisodeRecorder env = new EpisodeRecorder(new Blind(), directory, RecordingFormat.GIF, 50);

        assertThatThrownBy(() -> env.reset(0))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Blind-v0 cannot render itself");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
        assertThat(env.recordings()).isEmpty();
    }

    @Test
    void createsNothingBeforeTheFirstResetAndDelegatesToTheEnvironment(@TempDir Path directory) {
        Path folder = directory.resolve("videos");
        CartPole inner = new CartPole();
        EpisodeRecorder env = new EpisodeRecorder(inner, folder, RecordingFormat.GIF, 50);

        assertThat(folder).doesNotExist();
        assertThat(env.id()).isEqualTo("CartPole-v1");
        assertThat(env.actionSpace()).isEqualTo(new DiscreteSpace(2));
        assertThat(env.observationSpace()).isEqualTo(inner.observationSpace());
        assertThat(env.environment()).isSameAs(inner);
        assertThat(env.recordings()).isEmpty();

        env.reset(0);
        env.close();

        assertThat(env.recordings()).containsExactly(folder.resolve("CartPole-v1-episode-0.gif"));
        assertThat(folder.resolve("CartPole-v1-episode-0.gif")).isRegularFile();
    }

    /** An environment without {@code render()}. */
    private static final class Blind implements Environment {
        @Override
        public String id() {
            return "Blind-v0";
        }

        @Override
        public Space observationSpace() {
            return new DiscreteSpace(1);
        }

        @Override
        public Space actionSpace() {
            return new DiscreteSpace(1);
        }

        @Override
        public double[] reset(long seed) {
            return new double[] {0};
        }

        @Override
        public double[] reset() {
            return new double[] {0};
        }

        @Override
        public StepResult step(double[] action) {
            return new StepResult(new double[] {0}, 0, false, false);
        }
    }
}
