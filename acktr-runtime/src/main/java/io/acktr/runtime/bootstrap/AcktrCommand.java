package io.acktr.runtime.bootstrap;

import com.typesafe.config.ConfigException;
import io.acktr.runtime.learner.TrainingDivergedException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code acktr}: the command line. Exit codes: 0 success, 1 failure during a run, 2 bad input. */
@Command(name = "acktr", mixinStandardHelpOptions = true, version = "acktr 0.1.0",
        description = "Second-order deep reinforcement learning: ACKTR with pluggable curvature estimators.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, AblationCommand.class, BenchCommand.class, EnvsCommand.class, RecordCommand.class,
                PlotCommand.class,
                PluginsCommand.class, NodeCommand.class, CommandLine.HelpCommand.class})
public final class AcktrCommand implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code; for tests and embedding. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AcktrCommand());
        DashboardOptions.find(Thread.currentThread().getContextClassLoader())
                .ifPresent(dashboard -> cli.addSubcommand("dashboard", dashboard.command()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(AcktrCommand::exitCode);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("acktr: " + describe(e));
            return exitCode(e);
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            e.getCommandLine().getErr().println("acktr: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return EXIT_BAD_INPUT;
        });
        return cli.execute(args);
    }

    static int exitCode(Throwable e) {
        return e instanceof ConfigException || e instanceof IllegalArgumentException ? EXIT_BAD_INPUT : EXIT_FAILURE;
    }

    private static String describe(Throwable e) {
        if (e instanceof ConfigException || e instanceof TrainingDivergedException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
