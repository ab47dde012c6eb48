package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    private static final Pattern EPISODE = Pattern.compile("episode (\\d+): return (-?\\d+\\.\\d\\d), length (\\d+)");
    private static final Pattern SUMMARY = Pattern.compile(
            "mean return (-?\\d+\\.\\d\\d) \\+/- (\\d+\\.\\d\\d) \\(standard deviation\\) over (\\d+) episodes");

    @TempDir
    static Path shared;
    private static Path run;

    private record Result(int exitCode, String out, String err) {
    }

    private record Episode(int index, double episodeReturn, long length) {
    }

    private static Result acktr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AcktrCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static List<Episode> episodes(String out) {
        List<Episode> episodes = new ArrayList<>();
        Matcher m = EPISODE.matcher(out);
        while (m.find()) {
            episodes.add(new Episode(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)), Long.parseLong(m.group(3))));
        }
        return episodes;
    }

    /**
     * A tiny CartPole run with both normalisations, so evaluation needs the saved statistics; it
     * keeps the checkpoints of updates 20 and 30 besides the latest (40).
     */
    @BeforeAll
    static void train() {
        run = shared.resolve("run");
        Result train = acktr("train", "--quiet", "--set", "acktr.run-dir=\"" + run + "\"", "--set", "acktr.total-steps=1600",
                "--set", "acktr.env.count=2", "--set", "acktr.policy.mlp.hidden-sizes=[16]",
                "--set", "acktr.env.wrappers=[{type = normalize-observation}, {type = normalize-reward}]",
                "--set", "acktr.checkpoint.interval=10", "--set", "acktr.checkpoint.keep=3");
        assertThat(train.exitCode()).as(train.err()).isZero();
    }

    @Test
    void printsTheRawReturnAndLengthOfEachEpisodeAndTheMeanAndStandardDeviation() {
        Result r = acktr("evaluate", run.toString(), "--episodes", "4", "--seed", "5");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(update 40, env step 1600) on CartPole-v1: 4 episodes, most likely actions");
        List<Episode> episodes = episodes(r.out());
        assertThat(episodes).extracting(Episode::index).containsExactly(0, 1, 2, 3);
        for (Episode e : episodes) {
            // CartPole pays 1 per step: a raw return equals the length, a normalised one would not
            assertThat(e.episodeReturn()).as("episode %d", e.index()).isEqualTo((double) e.length());
            assertThat(e.length()).isBetween(1L, 500L);
        }
        double mean = episodes.stream().mapToDouble(Episode::episodeReturn).average().orElseThrow();
        double std = Math.sqrt(episodes.stream().mapToDouble(e -> (e.episodeReturn() - mean) * (e.episodeReturn() - mean))
                .sum() / episodes.size());
        Matcher summary = SUMMARY.matcher(r.out());
        assertThat(summary.find()).as(r.out()).isTrue();
        assertThat(summary.group(1)).isEqualTo(String.format(Locale.ROOT, "%.2f", mean));
        assertThat(summary.group(2)).isEqualTo(String.format(Locale.ROOT, "%.2f", std));
        assertThat(summary.group(3)).isEqualTo("4");
    }

    @Test
    void episodeIStartsFromSeedPlusIAndTheModeIsDeterministic() {
        Result fromFive = acktr("evaluate", run.toString(), "--episodes", "3", "--seed", "5");
        Result fromSix = acktr("evaluate", run.toString(), "--episodes", "2", "--seed", "6");
        Result again = acktr("evaluate", run.toString(), "--episodes", "3", "--seed", "5");

        assertThat(fromSix.exitCode()).as(fromSix.err()).isZero();
        List<Episode> five = episodes(fromFive.out());
        List<Episode> six = episodes(fromSix.out());
        assertThat(six.get(0).length()).isEqualTo(five.get(1).length());
        assertThat(six.get(1).length()).isEqualTo(five.get(2).length());
        assertThat(again.out()).isEqualTo(fromFive.out());
    }

    @Test
    void recordWritesTheFirstEpisodeAsAnAnimatedGifWithOneFramePerStepAndOneAfterTheReset(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("episode.gif");
        Result r = acktr("evaluate", run.toString(), "--episodes", "2", "--seed", "5", "--record", gif.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("recorded episode 0 -> " + gif);
        byte[] bytes = Files.readAllBytes(gif);
        assertThat(new String(bytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        long length = episodes(r.out()).get(0).length();
        try (var input = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(input);
            assertThat(reader.getNumImages(true)).isEqualTo((int) length + 1);
        }
        // recording changes nothing of what is played
        Result plain = acktr("evaluate", run.toString(), "--episodes", "2", "--seed", "5");
        assertThat(episodes(r.out())).isEqualTo(episodes(plain.out()));
    }

    @Test
    void aRecordingThatIsNotAGifIsBadInput(@TempDir Path dir) {
        Result r = acktr("evaluate", run.toString(), "--record", dir.resolve("episode.mp4").toString());
        assertThat(r.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--record").contains(".gif");
        assertThat(dir.resolve("episode.mp4")).doesNotExist();
    }

    @Test
    void stochasticActionsAreSampled() {
        Result r = acktr("evaluate", run.toString(), "--episodes", "2", "--stochastic");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 episodes, sampled actions");
        assertThat(episodes(r.out())).hasSize(2);
    }

    @Test
    void aMissingRunDirectoryIsBadInputNamingThePath(@TempDir Path dir) {
        Path nowhere = dir.resolve("no-such-run");

        Result r = acktr("evaluate", nowhere.toString());

        assertThat(r.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("RUN_DIR").contains(nowhere + "\": no such directory");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFolderThatIsNotARunOrHasNoCheckpointIsBadInput(@TempDir Path dir) throws Exception {
        Result notARun = acktr("evaluate", dir.toString());
        assertThat(notARun.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(notARun.err()).contains(dir + "\": holds no config.conf");

        Files.writeString(dir.resolve("config.conf"), "# as older versions wrote it\nacktr env { id = CartPole-v1 }\nseed = 1\n");
        Result unreadable = acktr("evaluate", dir.toString());
        assertThat(unreadable.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(unreadable.err()).contains(dir.resolve("config.conf") + "\": holds no acktr { ... } block");

        Files.copy(run.resolve("config.conf"), dir.resolve("config.conf"), StandardCopyOption.REPLACE_EXISTING);
        Result noCheckpoint = acktr("evaluate", dir.toString());
        assertThat(noCheckpoint.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(noCheckpoint.err()).contains(dir.resolve("checkpoint") + ": missing");
    }

    @Test
    void aTruncatedCheckpointIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
        Files.copy(run.resolve("config.conf"), dir.resolve("config.conf"));
        Files.createDirectories(dir.resolve("checkpoint"));
        for (String file : List.of("checkpoint.conf", "parameters.bin")) {
            Files.copy(run.resolve("checkpoint").resolve(file), dir.resolve("checkpoint").resolve(file));
        }
        Path parameters = dir.resolve("checkpoint/parameters.bin");
        try (RandomAccessFile file = new RandomAccessFile(parameters.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        Result r = acktr("evaluate", dir.toString());

        assertThat(r.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("acktr: " + parameters + ": truncated");
    }

    @Test
    void aNonPositiveEpisodeCountIsBadInput() {
        Result r = acktr("evaluate", run.toString(), "--episodes", "0");

        assertThat(r.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--episodes").contains(">= 1");
    }

    private static final Pattern CHECKPOINT_LINE = Pattern.compile(
            "update (\\d+), env step (\\d+): mean return (-?\\d+\\.\\d\\d) \\+/- (\\d+\\.\\d\\d) \\(standard deviation\\) "
                    + "over (\\d+) episodes");

    @Test
    void allEvaluatesEveryKeptCheckpointOldestFirstThenTheLatestEachOnOneLine() {
        Result all = acktr("evaluate", run.toString(), "--checkpoint", "all", "--episodes", "3", "--seed", "5");

        assertThat(all.exitCode()).as(all.err()).isZero();
        Matcher m = CHECKPOINT_LINE.matcher(all.out());
        List<String> updates = new ArrayList<>();
        List<String> means = new ArrayList<>();
        while (m.find()) {
            updates.add(m.group(1));
            means.add(m.group(3));
            assertThat(Long.parseLong(m.group(2))).isEqualTo(Long.parseLong(m.group(1)) * 40);
            assertThat(m.group(5)).isEqualTo("3");
        }
        assertThat(updates).containsExactly("20", "30", "40");
        assertThat(episodes(all.out())).as("no per-episode lines for several checkpoints").isEmpty();

        // each line is what evaluating that checkpoint alone prints as its mean
        for (int i = 0; i < updates.size(); i++) {
            String which = i == updates.size() - 1 ? "latest" : "update-" + updates.get(i);
            Result one = acktr("evaluate", run.toString(), "--checkpoint", which, "--episodes", "3", "--seed", "5");
            assertThat(one.exitCode()).as(one.err()).isZero();
            assertThat(one.out()).contains("(update " + updates.get(i) + ", env step ")
                    .contains("mean return " + means.get(i) + " +/- ");
        }
    }

    @Test
    void bestEvaluatesTheCheckpointOfTheHighestMeanTrainingReturn() {
        Result r = acktr("evaluate", run.toString(), "--checkpoint", "best", "--episodes", "2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(run.resolve("best").toString());
        assertThat(episodes(r.out())).hasSize(2);
    }

    @Test
    void anUnknownOrUnkeptCheckpointIsBadInputNamingTheKeptOnes() {
        Result unknown = acktr("evaluate", run.toString(), "--checkpoint", "newest");
        assertThat(unknown.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("--checkpoint").contains("\"newest\"").contains("latest, best, all or update-<N>");

        Result notKept = acktr("evaluate", run.toString(), "--checkpoint", "update-10");
        assertThat(notKept.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(notKept.err()).contains("\"update-10\": not kept").contains("kept there: update-20, update-30");
        assertThat(notKept.out()).isEmpty();
    }

    @Test
    void recordingEveryCheckpointIsBadInput(@TempDir Path dir) {
        Path gif = dir.resolve("episode.gif");
        Result r = acktr("evaluate", run.toString(), "--checkpoint", "all", "--record", gif.toString());

        assertThat(r.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--record").contains("not with --checkpoint all");
        assertThat(gif).doesNotExist();
    }
}
