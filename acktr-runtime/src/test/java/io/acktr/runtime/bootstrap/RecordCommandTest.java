package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {
    private record Result(int exitCode, String out, String err) {
    }

    private static Result acktr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AcktrCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void recordsEachEpisodeAsAnAnimatedGifWithOneFramePerStepPlusTheReset(@TempDir Path dir) throws Exception {
        Result r = acktr("record", "CartPole-v1", "--out", dir.toString(), "--episodes", "2", "--seed", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("episode 0:").contains("episode 1:");
        Path first = dir.resolve("CartPole-v1-episode-0.gif");
        assertThat(first).exists();
        assertThat(dir.resolve("CartPole-v1-episode-1.gif")).exists();
        int steps = Integer.parseInt(r.out().replaceAll("(?s).*episode 0: (\\d+) steps.*", "$1"));
        try (ImageInputStream in = ImageIO.createImageInputStream(first.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(steps + 1);
        }
    }

    @Test
    void pngFramesGoToOneFolderPerEpisode(@TempDir Path dir) throws Exception {
        Result r = acktr("record", "Pendulum-v1", "--out", dir.toString(), "--format", "png", "--max-steps", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (Stream<Path> frames = Files.list(dir.resolve("Pendulum-v1-episode-0"))) {
            assertThat(frames.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(6);
        }
    }

    @Test
    void anUnknownEnvironmentOrFormatIsBadInput(@TempDir Path dir) {
        Result unknown = acktr("record", "CartPol-v1", "--out", dir.toString());
        assertThat(unknown.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("CartPol-v1").contains("CartPole-v1");
        Result format = acktr("record", "CartPole-v1", "--out", dir.toString(), "--format", "mp4");
        assertThat(format.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(format.err()).contains("--format").contains("gif or png");
    }
}
