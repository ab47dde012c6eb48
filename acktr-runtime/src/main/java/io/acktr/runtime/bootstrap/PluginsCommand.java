package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code acktr plugins}: curvature estimators, step-size rules and policies by name, with the jar of each. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the curvature estimators, step-size rules and policies, by the names the config uses, "
                + "with the jar that provides each.")
final class PluginsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = ConfigLoader.load(loader, Optional.empty(), List.of());
        PluginRegistry registry = Plugins.registry(AcktrInjector.create(config, AcktrInjector.discoverModules(loader)));
        PrintWriter out = spec.commandLine().getOut();
        for (String path : List.of(PluginRegistry.CURVATURE_TYPE, PluginRegistry.STEP_SIZE_TYPE, PluginRegistry.POLICY_TYPE)) {
            Map<String, String> jars = registry.sources().get(path);
            out.println(path + ": " + String.join(", ", jars.keySet()) + "  (default " + config.getString(path) + ")");
            jars.forEach((name, jar) -> out.printf("  %-16s %s%n", name, jar));
            registry.skipped().get(path).keySet().forEach(name -> out.printf("  %-16s skipped (below)%n", name));
        }
        if (!registry.problems().isEmpty()) {
            out.println("skipped (each also logged as a warning):");
            registry.problems().forEach(problem -> out.println("  " + problem));
        }
        out.flush();
        return 0;
    }
}
