package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentFamilyProvider;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code acktr envs}: the environments ServiceLoader found, with their spaces, and the families of
 * ids (e.g. {@code gymnasium/<Gymnasium id>}); {@code --family NAME} lists the ids a family knows.
 */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List the installed environments.")
final class EnvsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", paramLabel = "NAME",
            description = "List the ids of one family instead, e.g. --family gymnasium (asks Python for Gymnasium's registry).")
    String family;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting the environments read, e.g. acktr.env.gymnasium.python=/opt/venv/bin/python.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config settings = ConfigLoader.load(loader, Optional.empty(), overrides);
        EnvironmentRegistry registry = EnvironmentRegistry.load(loader, settings);
        if (family != null) {
            EnvironmentFamilyProvider chosen = registry.findFamily(family).orElseThrow(() -> new ConfigException.BadValue("--family",
                    "\"" + family + "\": no such family; known: " + registry.families().stream().map(EnvironmentFamilyProvider::family).toList()));
            for (String name : chosen.names(settings)) {
                out.println(chosen.family() + "/" + name);
            }
            out.flush();
            return 0;
        }
        for (EnvironmentProvider provider : registry.providers()) {
            String spaces;
            try (Environment env = provider.create()) {
                spaces = "observations " + env.observationSpace().describe() + ", actions " + env.actionSpace().describe();
            } catch (RuntimeException e) {
                spaces = "cannot be created: " + e.getMessage();
            }
            out.printf("%-28s %s  [%s]%s%n", provider.id(), spaces, provider.getClass().getName(),
                    provider.description().isEmpty() ? "" : "  " + provider.description());
        }
        for (EnvironmentFamilyProvider familyProvider : registry.families()) {
            out.printf("%-28s %s  [%s]%n", familyProvider.idPattern(), familyProvider.description(), familyProvider.getClass().getName());
        }
        for (String problem : registry.problems()) {
            spec.commandLine().getErr().println("warning: " + problem);
        }
        out.flush();
        return 0;
    }
}
