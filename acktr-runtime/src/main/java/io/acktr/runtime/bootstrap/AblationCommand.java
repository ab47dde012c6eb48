package io.acktr.runtime.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code acktr ablation}: every curvature estimator with its natural step rule, on each task and seed. */
@Command(name = "ablation", mixinStandardHelpOptions = true,
        description = {"Compare curvature estimators: trains each suite variant on each task and seed, then writes a"
                + " markdown table and JSON (steps to threshold and final return as IQM with 95%% bootstrap intervals,"
                + " probability of improvement over the baseline, update time) and plots of the learning curves.",
                "The built-in suite: CartPole-v1 and Pendulum-v1, seeds 1-10 (--seeds to change), kfac / ekfac / diagonal / cg-fisher"
                + " against identity + rmsprop (A2C)."})
final class AblationCommand implements Callable<Integer> {
    static final String SUITE = "io/acktr/runtime/suites/ablation.conf";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SuiteOptions options = new SuiteOptions();

    @Override
    public Integer call() {
        return options.run("ablation", SUITE, spec.commandLine().getOut());
    }
}
