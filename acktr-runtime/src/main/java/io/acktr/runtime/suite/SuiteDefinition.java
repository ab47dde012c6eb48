package io.acktr.runtime.suite;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *     { name = cartpole, env = "CartPole-v1", total-steps = 100000, threshold = 475,
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
 * modules' defaults. Errors name the path inside the suite.
 */
public record SuiteDefinition(String name, List<Long> seeds, String baseline, List<Task> tasks, List<Variant> variants) {

    /** One environment with its budget and the mean return that counts as solved. */
    public record Task(String name, String environmentId, long totalSteps, double threshold, Config settings) {
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
        return new Task(c.getString("name"), c.getString("env"), steps, c.getDouble("threshold"),
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
