package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code acktr plugins}: curvature estimators, step-size rules and policies by name. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the curvature estimators, step-size rules and policies, by the names the config uses.")
final class PluginsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = ConfigLoader.load(loader, Optional.empty(), List.of());
        PluginRegistry registry = Plugins.registry(AcktrInjector.create(config, AcktrInjector.discoverModules(loader)));
        PrintWriter out = spec.commandLine().getOut();
        out.println(PluginRegistry.CURVATURE_TYPE + ": " + String.join(", ", registry.curvatureEstimators().keySet())
                + "  (default " + config.getString(PluginRegistry.CURVATURE_TYPE) + ")");
        out.println(PluginRegistry.STEP_SIZE_TYPE + ": " + String.join(", ", registry.stepSizeRules().keySet())
                + "  (default " + config.getString(PluginRegistry.STEP_SIZE_TYPE) + ")");
        out.println(PluginRegistry.POLICY_TYPE + ": " + String.join(", ", registry.policies().keySet())
                + "  (default " + config.getString(PluginRegistry.POLICY_TYPE) + ")");
        out.flush();
        return 0;
    }
}
