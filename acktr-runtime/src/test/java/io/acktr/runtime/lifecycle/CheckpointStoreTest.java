package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.wrappers.RunningStatistics;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.envs.wrappers.WrapperSettings;
import io.acktr.numerics.Vectors;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.mlp.MlpArchitecture;
import io.acktr.policies.mlp.MlpPolicy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

class CheckpointStoreTest {
    private static final EnvironmentRegistry REGISTRY = EnvironmentRegistry.load(CheckpointStoreTest.class.getClassLoader());
    private static final String BOTH_NORMALISATIONS = "[{type = normalize-observation}, {type = normalize-reward}]";

    private static WrapperChain chain(String wrappers) {
        return WrapperChain.from(ConfigFactory.parseString(WrapperSettings.PATH + " = " + wrappers)
                .withFallback(ConfigFactory.defaultReference()));
    }

    /** A chain whose statistics have seen {@code steps} CartPole steps, alternating the two actions. */
    private static WrapperChain steppedChain(int steps) {
        WrapperChain chain = chain(BOTH_NORMALISATIONS);
        Environment env = chain.wrap(REGISTRY.create("CartPole-v1"));
        env.reset(3);
        for (int i = 0; i < steps; i++) {
            StepResult result = env.step(new double[] {i % 3 == 0 ? 1 : 0});
            if (result.done()) {
                env.reset();
            }
        }
        return chain;
    }

    /** An MLP for CartPole-v1's spaces whose every parameter, biases too, is drawn from {@code seed}. */
    private static Policy randomPolicy(List<Integer> hiddenSizes, DataType dataType, long seed) {
        Environment env = REGISTRY.create("CartPole-v1");
        Policy policy = new MlpPolicy(env.observationSpace(), env.actionSpace(),
                new MlpArchitecture(hiddenSizes, Activation.TANH, false, dataType), seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (ParameterBlock block : policy.parameters()) {
            double[] values = random.doubles(block.size()).map(v -> v - 0.5).toArray();
            block.value().assign(Nd4j.create(values, block.value().shape(), DataType.DOUBLE).castTo(dataType));
        }
        return policy;
    }

    private static Policy randomPolicy(long seed) {
        return randomPolicy(List.of(16, 8), DataType.FLOAT, seed);
    }

    private static double[] values(INDArray array) {
        return Vectors.toDoubles(array); // exact for FLOAT and DOUBLE
    }

    private static void assertSameParameters(Policy actual, Policy expected) {
        assertThat(actual.parameters()).hasSameSizeAs(expected.parameters());
        for (int i = 0; i < expected.parameters().size(); i++) {
            ParameterBlock a = actual.parameters().get(i);
            ParameterBlock e = expected.parameters().get(i);
            assertThat(a.name()).isEqualTo(e.name());
            assertThat(a.value().dataType()).as(e.name()).isEqualTo(e.value().dataType());
            assertThat(a.value().shape()).as(e.name()).isEqualTo(e.value().shape());
            assertThat(values(a.value())).as(e.name()).isEqualTo(values(e.value()));
        }
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void aCheckpointRestoresIntoAFreshPolicyAndChainBitForBit(DataType dataType, @TempDir Path dir) throws Exception {
        Policy trained = randomPolicy(List.of(16, 8), dataType, 11);
        WrapperChain trainedChain = steppedChain(60);
        CheckpointStore store = new CheckpointStore(dir);

        assertThat(store.write(Checkpoint.capture(trained, trainedChain, 1234, 56))).isTrue();

        assertThat(listing(dir)).containsExactly("checkpoint");
        assertThat(listing(dir.resolve("checkpoint"))).containsExactly("checkpoint.conf", "parameters.bin");
        Checkpoint read = store.read();
        assertThat(read.envSteps()).isEqualTo(1234);
        assertThat(read.updates()).isEqualTo(56);
        assertThat(read.origin()).isEqualTo(dir.resolve("checkpoint").resolve("checkpoint.conf").toString());

        Policy fresh = randomPolicy(List.of(16, 8), dataType, 99);
        assertThat(values(fresh.parameters().get(0).value())).isNotEqualTo(values(trained.parameters().get(0).value()));
        read.restoreParameters(fresh);
        assertSameParameters(fresh, trained);

        WrapperChain freshChain = chain(BOTH_NORMALISATIONS);
        read.restoreStatistics(freshChain);
        assertThat(freshChain.exportStatistics()).isEqualTo(trainedChain.exportStatistics());
        RunningStatistics observations = RunningStatistics.fromConfig(freshChain.exportStatistics().getConfig("0"));
        assertThat(observations.count()).as("initial pseudo-count, the reset and 60 steps' observations").isGreaterThan(60);
        assertThat(freshChain.exportStatistics().getConfig("1").getString("type")).isEqualTo("normalize-reward");
    }

    @Test
    void checkpointConfListsTheBlocksInOrderWithShapeAndDataType(@TempDir Path dir) throws Exception {
        Policy policy = randomPolicy(1);
        new CheckpointStore(dir).write(Checkpoint.capture(policy, steppedChain(5), 40, 1));

        Config conf = ConfigFactory.parseFile(dir.resolve("checkpoint/checkpoint.conf").toFile());
        assertThat(conf.getInt("format-version")).isEqualTo(2);
        assertThat(conf.getLong("env-steps")).isEqualTo(40);
        List<? extends Config> blocks = conf.getConfigList("parameters");
        assertThat(blocks.stream().map(b -> b.getString("name")).toList())
                .isEqualTo(policy.parameters().stream().map(ParameterBlock::name).toList());
        assertThat(blocks.get(0).getLongList("shape")).containsExactly(16L, 5L);
        assertThat(blocks.get(0).getString("data-type")).isEqualTo("FLOAT");
        assertThat(conf.getConfig("wrapper-statistics").root().keySet()).containsExactlyInAnyOrder("0", "1");
    }

    @Test
    void withoutNormalisingWrappersTheStatisticsAreEmpty(@TempDir Path dir) {
        WrapperChain none = chain("[{type = clip-action}]");
        CheckpointStore store = new CheckpointStore(dir);
        store.write(Checkpoint.capture(randomPolicy(1), none, 0, 0));

        Checkpoint read = store.read();
        assertThat(read.wrapperStatistics().isEmpty()).isTrue();
        read.restoreStatistics(chain("[]"));
    }

    @Test
    void aSecondWriteReplacesTheFirstAndLeavesNoTemporaryFolder(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        WrapperChain chain = steppedChain(10);
        store.write(Checkpoint.capture(randomPolicy(1), chain, 100, 1));
        Policy second = randomPolicy(2);
        // what an interrupted write may have left behind
        Files.createDirectories(dir.resolve("checkpoint.tmp"));
        Files.writeString(dir.resolve("checkpoint.tmp/parameters.bin"), "half");

        assertThat(store.write(Checkpoint.capture(second, chain, 200, 2))).isTrue();

        assertThat(listing(dir)).containsExactly("checkpoint");
        Checkpoint read = store.read();
        assertThat(read.updates()).isEqualTo(2);
        Policy restored = randomPolicy(3);
        read.restoreParameters(restored);
        assertSameParameters(restored, second);
    }

    @Test
    void readingFallsBackToTheOldCheckpointWhenAWriteStoppedBetweenTheRenames(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        Policy policy = randomPolicy(1);
        store.write(Checkpoint.capture(policy, steppedChain(10), 300, 3));
        Files.move(dir.resolve("checkpoint"), dir.resolve("checkpoint.old"));

        Checkpoint read = store.read();

        assertThat(read.updates()).isEqualTo(3);
        assertThat(read.origin()).contains("checkpoint.old");
        Policy restored = randomPolicy(2);
        read.restoreParameters(restored);
        assertSameParameters(restored, policy);
        // the next write makes a complete checkpoint again and drops the old one
        store.write(Checkpoint.capture(policy, steppedChain(10), 400, 4));
        assertThat(listing(dir)).containsExactly("checkpoint");
        assertThat(store.read().updates()).isEqualTo(4);
    }

    @Test
    void parametersHoldingNaNOrInfinityAreNotWrittenAndTheLastGoodCheckpointStays(@TempDir Path dir) {
        Logger logger = (Logger) LoggerFactory.getLogger(CheckpointStore.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try {
            CheckpointStore store = new CheckpointStore(dir);
            WrapperChain chain = steppedChain(10);
            Policy good = randomPolicy(1);
            store.write(Checkpoint.capture(good, chain, 100, 1));
            Policy broken = randomPolicy(2);
            broken.parameters().get(2).value().putScalar(0, Float.NaN);
            Policy infinite = randomPolicy(3);
            infinite.parameters().get(1).value().putScalar(3, Float.NEGATIVE_INFINITY);

            assertThat(store.write(Checkpoint.capture(broken, chain, 200, 2))).isFalse();
            assertThat(store.write(Checkpoint.capture(infinite, chain, 300, 3))).isFalse();

            Checkpoint read = store.read();
            assertThat(read.updates()).isEqualTo(1);
            Policy restored = randomPolicy(4);
            read.restoreParameters(restored);
            assertSameParameters(restored, good);
            assertThat(warnings.list).hasSize(2);
            assertThat(warnings.list.get(0).getFormattedMessage()).contains("update 2")
                    .contains("\"" + broken.parameters().get(2).name() + "\"").contains("NaN");
            assertThat(warnings.list.get(1).getFormattedMessage()).contains("update 3")
                    .contains("\"" + infinite.parameters().get(1).name() + "\"");
        } finally {
            logger.detachAppender(warnings);
        }
    }

    @Test
    void aMissingRunDirectoryOrCheckpointIsNamed(@TempDir Path dir) {
        Path nowhere = dir.resolve("nowhere");
        assertThatThrownBy(() -> new CheckpointStore(nowhere).read()).isInstanceOf(InvalidCheckpointException.class)
                .hasMessage(nowhere + ": no such run directory");
        assertThatThrownBy(() -> new CheckpointStore(dir).read()).isInstanceOf(InvalidCheckpointException.class)
                .hasMessageStartingWith(dir.resolve("checkpoint") + ": missing");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        store.write(Checkpoint.capture(randomPolicy(1), steppedChain(5), 40, 1));
        Path parameters = dir.resolve("checkpoint/parameters.bin");
        Files.delete(parameters);
        assertThatThrownBy(store::read).isInstanceOf(InvalidCheckpointException.class).hasMessage(parameters + ": missing");
        Files.delete(dir.resolve("checkpoint/checkpoint.conf"));
        assertThatThrownBy(store::read).hasMessage(dir.resolve("checkpoint/checkpoint.conf") + ": missing");
    }

    @Test
    void aTruncatedOrOverlongParameterFileNamesTheFileAndTheBlockCutOff(@TempDir Path dir) throws Exception {
        Policy policy = randomPolicy(1);
        CheckpointStore store = new CheckpointStore(dir);
        store.write(Checkpoint.capture(policy, steppedChain(5), 40, 1));
        Path parameters = dir.resolve("checkpoint/parameters.bin");
        long size = Files.size(parameters);
        List<ParameterBlock> blocks = policy.parameters();

        try (RandomAccessFile file = new RandomAccessFile(parameters.toFile(), "rw")) {
            file.setLength(size - 1);
        }
        assertThatThrownBy(store::read).isInstanceOf(InvalidCheckpointException.class)
                .hasMessageStartingWith(parameters + ": truncated")
                .hasMessageContaining("block " + blocks.size() + " \"" + blocks.get(blocks.size() - 1).name() + "\"");

        try (RandomAccessFile file = new RandomAccessFile(parameters.toFile(), "rw")) {
            file.setLength(10);
        }
        assertThatThrownBy(store::read).hasMessageStartingWith(parameters + ": truncated")
                .hasMessageContaining("block 1 \"" + blocks.get(0).name() + "\" [16, 5] FLOAT is cut off");

        store.write(Checkpoint.capture(policy, steppedChain(5), 40, 1));
        Files.write(parameters, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        assertThatThrownBy(store::read).hasMessageStartingWith(parameters + ": has 3 bytes more than");
    }

    @Test
    void anUnsupportedFormatVersionIsRefused(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        store.write(Checkpoint.capture(randomPolicy(1), steppedChain(5), 40, 1));
        Path conf = dir.resolve("checkpoint/checkpoint.conf");
        Files.writeString(conf, Files.readString(conf).replaceFirst("format-version\\s*=\\s*2", "format-version = 3"));

        assertThatThrownBy(store::read).isInstanceOf(InvalidCheckpointException.class)
                .hasMessage(conf + ": format-version = 3 is not supported; this acktr reads versions 1 and 2");
    }

    @Test
    void aBlockDeclaredWithAnotherShapeThanTheFileHoldsIsRefused(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        store.write(Checkpoint.capture(randomPolicy(1), steppedChain(5), 40, 1));
        Path conf = dir.resolve("checkpoint/checkpoint.conf");
        // same number of elements and bytes, another shape
        Files.writeString(conf, Files.readString(conf).replaceFirst("16,\\s*5", "5, 16"));

        assertThatThrownBy(store::read).isInstanceOf(InvalidCheckpointException.class)
                .hasMessageStartingWith(dir.resolve("checkpoint/parameters.bin") + ": block 1 is [16, 5] FLOAT")
                .hasMessageContaining("checkpoint.conf declares \"pi/0\" [5, 16] FLOAT");
    }

    @Test
    void aPolicyOfAnotherShapeIsRefusedNamingTheBlockAndKeepsItsParameters(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        store.write(Checkpoint.capture(randomPolicy(List.of(16, 8), DataType.FLOAT, 1), steppedChain(5), 40, 1));
        Checkpoint read = store.read();
        Policy wider = randomPolicy(List.of(16, 12), DataType.FLOAT, 2);
        Policy untouched = randomPolicy(List.of(16, 12), DataType.FLOAT, 2);

        assertThatThrownBy(() -> read.restoreParameters(wider)).isInstanceOf(InvalidCheckpointException.class)
                .hasMessageStartingWith(dir.resolve("checkpoint/checkpoint.conf") + ": parameter block 2 is \"pi/1\" [8, 17] FLOAT")
                .hasMessageContaining("the policy's is \"pi/1\" [12, 17] FLOAT");
        assertSameParameters(wider, untouched);

        Policy doubles = randomPolicy(List.of(16, 8), DataType.DOUBLE, 2);
        assertThatThrownBy(() -> read.restoreParameters(doubles)).hasMessageContaining("\"pi/0\" [16, 5] DOUBLE");
        Policy deeper = randomPolicy(List.of(16, 8, 4), DataType.FLOAT, 2);
        assertThatThrownBy(() -> read.restoreParameters(deeper)).hasMessageContaining("holds 6 parameter blocks")
                .hasMessageContaining("the policy has 8");
    }

    @Test
    void statisticsOfOtherWrappersAreRefusedNamingTheWrapperList(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        store.write(Checkpoint.capture(randomPolicy(1), steppedChain(5), 40, 1));
        Checkpoint read = store.read();

        assertThatThrownBy(() -> read.restoreStatistics(chain("[{type = normalize-observation}]")))
                .isInstanceOf(InvalidCheckpointException.class)
                .hasMessageStartingWith(dir.resolve("checkpoint/checkpoint.conf") + ": the wrapper statistics do not fit "
                        + "acktr.env.wrappers");
    }
}
