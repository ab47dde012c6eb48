package io.acktr.runtime.suite;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.statistics.NormalisedScore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A suite of training runs: every task x every variant x every seed. Read from a HOCON object at
 * {@code suite}:
 *
 * <pre>{@code
 * suite {
 *   name = "Curvature ablation"
 *   seeds = [1, 2, 3]
 *   baseline = a2c                       # the variant others are compared with
 *   tasks = [
 *     { name = cartpole, env = "CartPole-v1", total-steps = 100000, threshold = 475, random-return = 22,
 *       settings { acktr.env.count = 8 } }
 *   ]
 *   variants = [
 *     { name = kfac, settings { acktr.curvature.type = kfac },
 *       per-task { cartpole { acktr.step-size.trust-region.kl-radius = 0.002 } } }
 *     { name = a2c, settings { acktr { curvature.type = identity, step-size.type = rmsprop } } }
 *   ]
 * }
 * }</pre>
 *
 * A run's settings are, from strongest to weakest: the command line's {@code --set}, the variant's
 * {@code per-task} block, the variant's {@code settings}, the task's {@code settings}, the
 * modules' defaults. Errors name the path inside the suite. A task's optional {@code random-return}
 * (the mean return of uniformly random actions) is the 0 of its normalised scores, see {@link Task}.
 */
public record SuiteDefinition(String name, List<Long> seeds, String baseline, List<Task> tasks, List<Variant> variants) {

    /**
     * One environment with its budget and the mean return that counts as solved.
     *
     * @param randomReturn the mean return of a policy acting uniformly at random, if the suite states
     *     it: with the threshold it puts the task's returns on a common scale (0 random, 1 the
     *     threshold) for the results across tasks. Without it a positive threshold alone is the scale
     *     (random counts as 0), and a task with a threshold <= 0 stays out of the results across tasks.
     */
    public record Task(String name, String environmentId, long totalSteps, double threshold, OptionalDouble randomReturn,
                       Config settings) {
        /** How this task's returns are put on the common scale, if they can be. */
        public Optional<NormalisedScore> normalisation() {
            if (randomReturn.isPresent()) {
                return Optional.of(new NormalisedScore(randomReturn.getAsDouble(), threshold));
            }
            return threshold > 0 ? Optional.of(new NormalisedScore(0, threshold)) : Optional.empty();
        }
    }

    /** One algorithm variant, e.g. a curvature estimator with its step rule. */
    public record Variant(String name, Config settings, Map<String, Config> perTask) {
        /** The variant's settings for one task, over the task's own. */
        public Config settingsFor(Task task) {
            return perTask.getOrDefault(task.name(), ConfigFactory.empty()).withFallback(settings).withFallback(task.settings());
        }
    }

    public SuiteDefinition {
        seeds = List.copyOf(seeds);
        tasks = List.copyOf(tasks);
        variants = List.copyOf(variants);
    }

    /**
     * This suite restricted to the named tasks and variants (all of them when a list is empty).
     * Without the baseline among them the relative columns stay empty, until the results are
     * merged with the baseline's ({@code --merge}).
     */
    public SuiteDefinition only(List<String> taskNames, List<String> variantNames) {
        List<String> unknownTasks = taskNames.stream().filter(t -> tasks.stream().noneMatch(x -> x.name().equals(t))).toList();
        if (!unknownTasks.isEmpty()) {
            throw new ConfigException.BadValue("--tasks", unknownTasks + " not in the suite; tasks: "
                    + tasks.stream().map(Task::name).toList());
        }
        List<String> unknownVariants = variantNames.stream()
                .filter(v -> variants.stream().noneMatch(x -> x.name().equals(v))).toList();
        if (!unknownVariants.isEmpty()) {
            throw new ConfigException.BadValue("--variants", unknownVariants + " not in the suite; variants: "
                    + variants.stream().map(Variant::name).toList());
        }
        List<Task> keptTasks = tasks.stream().filter(t -> taskNames.isEmpty() || taskNames.contains(t.name())).toList();
        List<Variant> keptVariants = variants.stream().filter(v -> variantNames.isEmpty() || variantNames.contains(v.name()))
                .toList();
        return new SuiteDefinition(name, seeds, baseline, keptTasks, keptVariants);
    }

    /**
     * This suite on other seeds, given as numbers and ranges such as {@code 1-3,7} (the option
     * {@code --seeds}); errors name the option.
     */
    public SuiteDefinition withSeeds(List<String> specification) {
        List<Long> parsed = new ArrayList<>();
        for (String part : specification) {
            String[] ends = part.trim().split("-", -1);
            try {
                long from = Long.parseLong(ends[0].trim());
                long to = ends.length == 2 ? Long.parseLong(ends[1].trim()) : from;
                if (ends.length > 2 || to < from) {
                    throw new NumberFormatException();
                }
                for (long seed = from; seed <= to; seed++) {
                    if (!parsed.contains(seed)) {
                        parsed.add(seed);
                    }
                }
            } catch (NumberFormatException e) {
                throw new ConfigException.BadValue("--seeds", "\"" + part + "\": expected a seed or a range such as 1-10");
            }
        }
        if (parsed.isEmpty()) {
            throw new ConfigException.BadValue("--seeds", "at least one seed is needed");
        }
        return new SuiteDefinition(name, parsed, baseline, tasks, variants);
    }

    public static SuiteDefinition from(Config root) {
        if (!root.hasPath("suite")) {
            throw new ConfigException.Missing("suite");
        }
        Config suite = root.getConfig("suite");
        String name = suite.hasPath("name") ? suite.getString("name") : "suite";
        List<Long> seeds = suite.getLongList("seeds");
        if (seeds.isEmpty()) {
            throw new ConfigException.BadValue("suite.seeds", "at least one seed is needed");
        }
        List<Task> tasks = new ArrayList<>();
        List<? extends Config> taskList = suite.getConfigList("tasks");
        for (int i = 0; i < taskList.size(); i++) {
            tasks.add(task(taskList.get(i), "suite.tasks[" + i + "]"));
        }
        List<Variant> variants = new ArrayList<>();
        List<? extends Config> variantList = suite.getConfigList("variants");
        Set<String> taskNames = new HashSet<>();
        tasks.forEach(t -> {
            if (!taskNames.add(t.name())) {
                throw new ConfigException.BadValue("suite.tasks", "two tasks are named " + t.name());
            }
        });
        for (int i = 0; i < variantList.size(); i++) {
            variants.add(variant(variantList.get(i), "suite.variants[" + i + "]", taskNames));
        }
        if (tasks.isEmpty() || variants.isEmpty()) {
            throw new ConfigException.BadValue("suite", "needs at least one task and one variant");
        }
        Set<String> variantNames = new HashSet<>();
        variants.forEach(v -> {
            if (!variantNames.add(v.name())) {
                throw new ConfigException.BadValue("suite.variants", "two variants are named " + v.name());
            }
        });
        String baseline = suite.hasPath("baseline") ? suite.getString("baseline") : variants.get(0).name();
        if (!variantNames.contains(baseline)) {
            throw new ConfigException.BadValue("suite.baseline", baseline + " is not a variant; variants: "
                    + variants.stream().map(Variant::name).toList());
        }
        return new SuiteDefinition(name, seeds, baseline, tasks, variants);
    }

    private static Task task(Config c, String path) {
        long steps = c.getLong("total-steps");
        if (steps < 1) {
            throw new ConfigException.BadValue(path + ".total-steps", steps + ": must be >= 1");
        }
        double threshold = c.getDouble("threshold");
        OptionalDouble randomReturn = OptionalDouble.empty();
        if (c.hasPath("random-return")) {
            randomReturn = OptionalDouble.of(c.getDouble("random-return"));
            if (!(randomReturn.getAsDouble() < threshold)) {
                throw new ConfigException.BadValue(path + ".random-return", randomReturn.getAsDouble()
                        + ": must be below the threshold, " + threshold);
            }
        }
        return new Task(c.getString("name"), c.getString("env"), steps, threshold, randomReturn,
                c.hasPath("settings") ? c.getConfig("settings") : ConfigFactory.empty());
    }

    private static Variant variant(Config c, String path, Set<String> taskNames) {
        Map<String, Config> perTask = new LinkedHashMap<>();
        if (c.hasPath("per-task")) {
            for (String task : c.getObject("per-task").keySet()) {
                if (!taskNames.contains(task)) {
                    throw new ConfigException.BadValue(path + ".per-task." + task, "no task is named " + task
                            + "; tasks: " + taskNames);
                }
                perTask.put(task, c.getConfig("per-task").getConfig("\"" + task + "\""));
            }
        }
        return new Variant(c.getString("name"), c.hasPath("settings") ? c.getConfig("settings") : ConfigFactory.empty(),
                perTask);
    }
}
