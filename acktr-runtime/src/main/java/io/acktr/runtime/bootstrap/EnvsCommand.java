package io.acktr.runtime.bootstrap;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.registry.EnvironmentRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code acktr envs}: the environments ServiceLoader found, with their spaces. */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List the installed environments.")
final class EnvsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EnvironmentRegistry registry = EnvironmentRegistry.load(Thread.currentThread().getContextClassLoader());
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
        for (String problem : registry.problems()) {
            spec.commandLine().getErr().println("warning: " + problem);
        }
        out.flush();
        return 0;
    }
}
