package io.acktr.envs.gymnasium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentFamilyProvider;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.StepResult;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.envs.vector.VectorStep;
import io.acktr.envs.wrappers.ClipAction;
import io.acktr.envs.wrappers.NormalizeObservation;
import io.acktr.envs.wrappers.RunningMeanVariance;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge against a real Python with gymnasium (skipped, with one line saying why, without one). */
class GymnasiumBridgeTest {
    private final GymnasiumFamilyProvider family = new GymnasiumFamilyProvider();

    @Test
    void serviceLoaderFindsTheFamilyThroughTheServicesFile() {
        assertThat(ServiceLoader.load(EnvironmentFamilyProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(GymnasiumFamilyProvider.class);
    }

    @Test
    void cartPoleHasGymnasiumsSpacesAndDtypesAndSeededResetsRepeat() {
        try (GymnasiumEnvironment env = (GymnasiumEnvironment) family.create("CartPole-v1", GymnasiumPython.settings())) {
            assertThat(env.id()).isEqualTo("gymnasium/CartPole-v1");
            assertThat(env.actionSpace()).isEqualTo(new DiscreteSpace(2));
            BoxSpace observations = (BoxSpace) env.observationSpace();
            assertThat(observations.shape()).containsExactly(4);
            assertThat(observations.high(0)).isEqualTo((double) 4.8f);
            assertThat(observations.high(1)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(env.observationDtype()).isEqualTo("float32");

            double[] first = env.reset(7);
            double[] again = env.reset(7);
            double[] other = env.reset(8);

            assertThat(first).containsExactly(again);
            assertThat(first).isNotEqualTo(other);
            for (double v : first) {
                assertThat(v).isEqualTo((double) (float) v).isBetween(-0.05, 0.05);
            }
        }
    }

    @Test
    void gymnasiumsTimeLimitTruncatesAndTheBridgeAddsNone() {
        try (Environment env = family.create("Pendulum-v1", GymnasiumPython.settings())) {
            env.reset(1);
            int steps = 0;
            StepResult result;
            do {
                result = env.step(new double[] {0.5});
                steps++;
            } while (!result.done());

            assertThat(steps).isEqualTo(200);
            assertThat(result.truncated()).isTrue();
            assertThat(result.terminated()).isFalse();
        }
    }

    @Test
    void keywordArgumentsReachGymnasiumMake() {
        try (Environment env = family.create("CartPole-v1", GymnasiumPython.settings("{\"max_episode_steps\":3}"))) {
            env.reset(1);
            env.step(new double[] {0});
            env.step(new double[] {1});

            assertThat(env.step(new double[] {0}).truncated()).isTrue();
        }
    }

    @Test
    void aVectorStepIsOneBatchAndEqualsSteppingEachEnvironmentAlone() {
        GymnasiumSettings settings = GymnasiumPython.settings();
        List<Environment> batched = new ArrayList<>();
        List<Environment> alone = new ArrayList<>();
        GymnasiumFamilyProvider other = new GymnasiumFamilyProvider();
        for (int i = 0; i < 4; i++) {
            batched.add(family.create("Hopper-v5", settings));
            alone.add(other.create("Hopper-v5", settings));
        }
        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(batched); SyncVectorEnvironment reference =
                new SyncVectorEnvironment(alone)) {
            double[][] observations = vector.reset(3);
            assertThat(reference.reset(3)).isDeepEqualTo(observations);
            assertThat(((GymnasiumEnvironment) batched.get(0)).process()).isSameAs(((GymnasiumEnvironment) batched.get(3)).process());
            SplittableRandom random = new SplittableRandom(5);
            for (int t = 0; t < 60; t++) {
                double[][] actions = new double[4][3];
                for (double[] action : actions) {
                    for (int j = 0; j < 3; j++) {
                        action[j] = random.nextDouble(-1.5, 1.5); // out of range on purpose: passed on unclipped
                    }
                }
                VectorStep step = vector.step(actions);
                VectorStep expected = new VectorStep(new double[4][], new double[4], new boolean[4], new boolean[4],
                        new double[4][], new double[4], new long[4]);
                for (int i = 0; i < 4; i++) {
                    StepResult one = alone.get(i).step(actions[i]);
                    expected.rewards()[i] = one.reward();
                    expected.observations()[i] = one.done() ? alone.get(i).reset() : one.observation();
                    expected.terminated()[i] = one.terminated();
                    expected.truncated()[i] = one.truncated();
                }
                assertThat(step.observations()).isDeepEqualTo(expected.observations());
                assertThat(step.rewards()).containsExactly(expected.rewards());
                assertThat(step.terminated()).containsExactly(expected.terminated());
                assertThat(step.truncated()).containsExactly(expected.truncated());
            }
        }
    }

    @Test
    void wrappersAnnounceTheActionsTheyStepWith() {
        GymnasiumSettings settings = GymnasiumPython.settings();
        List<Environment> clipped = new ArrayList<>();
        List<Environment> alone = new ArrayList<>();
        GymnasiumFamilyProvider other = new GymnasiumFamilyProvider();
        RunningMeanVariance statistics = new RunningMeanVariance(11);
        for (int i = 0; i < 3; i++) {
            clipped.add(new NormalizeObservation(new ClipAction(family.create("Hopper-v5", settings)), statistics, 10, 1e-8));
            alone.add(other.create("Hopper-v5", settings));
        }
        double[][] actions = {{2, -2, 0.3}, {0, 0, 0}, {-5, 5, 1}};
        double[][] inBounds = {{1, -1, 0.3}, {0, 0, 0}, {-1, 1, 1}};
        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(clipped)) {
            vector.reset(1);
            for (int i = 0; i < 3; i++) {
                alone.get(i).reset(1 + i);
            }
            for (int t = 0; t < 5; t++) {
                VectorStep step = vector.step(actions);
                for (int i = 0; i < 3; i++) {
                    assertThat(step.rewards()[i]).isEqualTo(alone.get(i).step(inBounds[i]).reward());
                }
            }
        } finally {
            alone.forEach(Environment::close);
        }
    }

    @Test
    void theRegistryResolvesGymnasiumIdsWithTheRunsSettings() {
        EnvironmentRegistry registry = EnvironmentRegistry.load(getClass().getClassLoader(), ConfigFactory.parseString(
                "acktr.env.gymnasium.python = \"" + GymnasiumPython.require() + "\"").withFallback(ConfigFactory.defaultReference()));

        try (Environment env = registry.create("gymnasium/MountainCarContinuous-v0")) {
            assertThat(env.id()).isEqualTo("gymnasium/MountainCarContinuous-v0");
            assertThat(env.actionSpace()).isEqualTo(new BoxSpace(new double[] {-1}, new double[] {1}, new int[] {1}));
            assertThat(env.reset(1)).hasSize(2);
        }
        assertThat(registry.families()).extracting(EnvironmentFamilyProvider::family).contains("gymnasium");
    }

    @Test
    void invalidActionsAreRefusedBeforeReachingPython() {
        try (Environment env = family.create("CartPole-v1", GymnasiumPython.settings())) {
            env.reset(1);

            assertThatThrownBy(() -> env.step(new double[] {2})).isInstanceOf(InvalidActionException.class);
            assertThat(env.step(new double[] {1}).reward()).isEqualTo(1.0);
        }
    }

    @Test
    void cartPoleRendersGymnasiumsPicture() {
        try (Environment env = family.create("CartPole-v1", GymnasiumPython.settings())) {
            env.reset(1);
            RgbFrame frame;
            try {
                frame = env.render();
            } catch (GymnasiumWorkerException e) {
                org.junit.jupiter.api.Assumptions.abort("this Python cannot draw CartPole (pygame missing?): " + e.getMessage());
                return;
            }
            assertThat(frame.width()).isEqualTo(600);
            assertThat(frame.height()).isEqualTo(400);
        }
    }

    @Test
    void spacesTheBridgeCannotMapAreRefusedNamingTheSpace() {
        try (Environment env = family.create("Blackjack-v1", GymnasiumPython.settings())) {
            assertThatThrownBy(env::observationSpace).isInstanceOf(GymnasiumWorkerException.class)
                    .hasMessageContaining("Tuple").hasMessageContaining("Box and Discrete spaces only");
        }
    }

    @Test
    void anUnknownIdFailsWithGymnasiumsOwnMessage() {
        try (Environment env = family.create("NoSuchThing-v9", GymnasiumPython.settings())) {
            assertThatThrownBy(env::observationSpace).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NoSuchThing").hasMessageContaining("doesn't exist");
        }
    }

    @Test
    void aMissingInterpreterIsNamedWithItsSetting() {
        GymnasiumSettings settings = new GymnasiumSettings("/no/such/python3", "{}", Duration.ofSeconds(5));
        try (Environment env = family.create("CartPole-v1", settings)) {
            assertThatThrownBy(() -> env.reset(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("acktr.env.gymnasium.python = \"/no/such/python3\"")
                    .hasMessageContaining("cannot start the interpreter");
        }
    }

    @Test
    void aPythonWithoutGymnasiumSaysHowToInstallIt(@TempDir Path directory) throws IOException {
        // the same interpreter without site-packages cannot import gymnasium
        Path python = directory.resolve("python-without-site");
        Files.writeString(python, "#!/bin/sh\nexec \"" + GymnasiumPython.require() + "\" -S \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        try (Environment env = family.create("CartPole-v1", new GymnasiumSettings(python.toString(), "{}", Duration.ofSeconds(30)))) {
            assertThatThrownBy(() -> env.reset(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gymnasium is not importable")
                    .hasMessageContaining("pip install \"gymnasium[mujoco]\"");
        }
    }

    @Test
    void aWorkerThatDoesNotAnswerWithinTheTimeoutIsKilledAndNamed(@TempDir Path directory) throws IOException {
        Path python = directory.resolve("silent-python");
        Files.writeString(python, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        GymnasiumEnvironment env = (GymnasiumEnvironment) family.create("CartPole-v1",
                new GymnasiumSettings(python.toString(), "{}", Duration.ofMillis(500)));

        assertThatThrownBy(() -> env.reset(1)).isInstanceOf(GymnasiumWorkerException.class)
                .hasMessageContaining("did not answer within 0.5 s (acktr.env.gymnasium.timeout) and was killed")
                .hasMessageContaining("gymnasium/CartPole-v1");
        assertThat(env.process().running()).isFalse();
        env.close();
    }

    @Test
    void whatAnEnvironmentPrintsDoesNotDisturbTheProtocol(@TempDir Path directory) throws IOException {
        // Gymnasium's "module:Id" form imports printing_env, which registers an environment that
        // prints from Python and writes to file descriptor 1 directly, on every reset and step
        Files.writeString(directory.resolve("printing_env.py"), """
                import os
                import gymnasium as gym
                import numpy as np
                from gymnasium import spaces

                class PrintingEnv(gym.Env):
                    metadata = {"render_modes": []}

                    def __init__(self, render_mode=None):
                        self.observation_space = spaces.Box(-1.0, 1.0, (2,), np.float64)
                        self.action_space = spaces.Discrete(2)

                    def reset(self, seed=None, options=None):
                        super().reset(seed=seed)
                        print("resetting")
                        os.write(1, b"written to fd 1\\n")
                        return np.zeros(2), {}

                    def step(self, action):
                        print("stepping", action)
                        return np.full(2, 0.5), 1.0, False, False, {}

                gym.register("Printing-v0", entry_point=PrintingEnv)
                """);
        Path python = directory.resolve("python-with-printing-env");
        Files.writeString(python, "#!/bin/sh\nPYTHONPATH=\"" + directory + "\" exec \"" + GymnasiumPython.require() + "\" \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        try (Environment env = family.create("printing_env:Printing-v0",
                new GymnasiumSettings(python.toString(), "{}", Duration.ofSeconds(60)))) {
            assertThat(env.reset(1)).containsExactly(0, 0);
            assertThat(env.step(new double[] {1}).observation()).containsExactly(0.5, 0.5);
            assertThat(env.reset()).containsExactly(0, 0);
        }
    }

    @Test
    void aBannerPrintedBeforeTheWorkerStartsIsReportedAsNotAReply(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("sitecustomize.py"), "print('hello from sitecustomize')\n");
        Path python = directory.resolve("python-with-banner");
        Files.writeString(python, "#!/bin/sh\nPYTHONPATH=\"" + directory + "\" exec \"" + GymnasiumPython.require() + "\" \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        GymnasiumEnvironment env = (GymnasiumEnvironment) family.create("CartPole-v1",
                new GymnasiumSettings(python.toString(), "{}", Duration.ofSeconds(60)));

        assertThatThrownBy(() -> env.reset(1)).isInstanceOf(GymnasiumWorkerException.class)
                .hasMessageContaining("with something that is not a reply");
        assertThat(env.process().running()).isFalse();
        env.close();
    }

    @Test
    void aPythonExceptionMidEpisodeCarriesItsTraceback() {
        try (GymnasiumEnvironment env = (GymnasiumEnvironment) family.create("CartPole-v1", GymnasiumPython.settings())) {
            env.reset(1);
            env.setUnwrappedAttribute("state", new double[] {1, 2, 3}, false);

            assertThatThrownBy(() -> env.step(new double[] {0})).isInstanceOf(GymnasiumWorkerException.class)
                    .hasMessageContaining("gymnasium/CartPole-v1").hasMessageContaining("Traceback")
                    .hasMessageContaining("ValueError");
        }
    }

    @Test
    void aWorkerThatDiesIsReportedWithTheEnvironmentAndItsExitCodeAndLeavesNoProcess() throws Exception {
        GymnasiumEnvironment env = (GymnasiumEnvironment) family.create("CartPole-v1", GymnasiumPython.settings());
        env.reset(1);
        long pid = env.process().pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        assertThatThrownBy(() -> env.step(new double[] {0})).isInstanceOf(GymnasiumWorkerException.class)
                .hasMessageContaining("gymnasium/CartPole-v1").hasMessageContaining("pid " + pid)
                .hasMessageContaining("exit code 137");
        env.close();
        assertThat(env.process().running()).isFalse();
    }

    @Test
    void theWorkerStartsOnFirstUseAndEndsWithTheLastEnvironment() {
        GymnasiumSettings settings = GymnasiumPython.settings();
        GymnasiumEnvironment first = (GymnasiumEnvironment) family.create("CartPole-v1", settings);
        GymnasiumEnvironment second = (GymnasiumEnvironment) family.create("CartPole-v1", settings);
        GymnasiumProcess process = first.process();
        assertThat(second.process()).isSameAs(process);
        assertThat(process.running()).isFalse();

        first.reset(1);
        second.reset(2);
        assertThat(process.running()).isTrue();
        long pid = process.pid();
        first.close();
        assertThat(process.running()).isTrue();
        second.close();

        assertThat(process.running()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(Boolean.FALSE)).isFalse();
        try (Environment third = family.create("CartPole-v1", settings)) {
            assertThat(((GymnasiumEnvironment) third).process()).isNotSameAs(process);
        }
    }

    @Test
    void theFamilyListsGymnasiumsRegistry() {
        List<String> names = family.names(ConfigFactory.parseString(
                "acktr.env.gymnasium.python = \"" + GymnasiumPython.require() + "\"").withFallback(ConfigFactory.defaultReference()));

        assertThat(names).contains("CartPole-v1", "Hopper-v5", "Pendulum-v1");
    }
}
