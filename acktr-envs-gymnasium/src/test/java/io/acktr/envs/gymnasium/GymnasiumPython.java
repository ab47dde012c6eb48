package io.acktr.envs.gymnasium;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Python the bridge tests run against: {@code ACKTR_GYMNASIUM_PYTHON} (set by {@code .ci/run}),
 * else the system property {@code acktr.gymnasium.python}, else the virtualenv {@code .ci/run}
 * makes ({@code ~/.cache/acktr/gym-venv}), else {@code python3}; the first that imports gymnasium.
 * Without one, {@link #require()} skips the test and the first skip prints one line saying why.
 */
final class GymnasiumPython {
    private static final Optional<String> FOUND = find();
    private static boolean reported;

    private GymnasiumPython() {
    }

    /** The interpreter, or the test is skipped (an assumption), with the reason printed once. */
    static String require() {
        if (FOUND.isEmpty()) {
            synchronized (GymnasiumPython.class) {
                if (!reported) {
                    reported = true;
                    System.err.println("[acktr-envs-gymnasium] SKIPPING the Gymnasium bridge tests: no Python that imports "
                            + "gymnasium (tried ACKTR_GYMNASIUM_PYTHON, -Dacktr.gymnasium.python, ~/.cache/acktr/gym-venv, "
                            + "python3); run .ci/run, or pip install \"gymnasium[mujoco]\" and set ACKTR_GYMNASIUM_PYTHON");
                }
            }
        }
        assumeTrue(FOUND.isPresent(), "no Python with gymnasium: run .ci/run or set ACKTR_GYMNASIUM_PYTHON");
        return FOUND.get();
    }

    /** Settings with the found interpreter, no kwargs and a 60 s timeout. */
    static GymnasiumSettings settings() {
        return settings("{}");
    }

    static GymnasiumSettings settings(String kwargsJson) {
        return new GymnasiumSettings(require(), kwargsJson, Duration.ofSeconds(60));
    }

    private static Optional<String> find() {
        List<String> candidates = new ArrayList<>();
        String fromEnvironment = System.getenv("ACKTR_GYMNASIUM_PYTHON");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            candidates.add(fromEnvironment);
        }
        String fromProperty = System.getProperty("acktr.gymnasium.python");
        if (fromProperty != null && !fromProperty.isBlank()) {
            candidates.add(fromProperty);
        }
        Path venv = Path.of(System.getProperty("user.home"), ".cache", "acktr", "gym-venv", "bin", "python");
        if (Files.isExecutable(venv)) {
            candidates.add(venv.toString());
        }
        candidates.add("python3");
        for (String candidate : candidates) {
            if (importsGymnasium(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean importsGymnasium(String python) {
        try {
            Process process = new ProcessBuilder(python, "-c", "import gymnasium, numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
