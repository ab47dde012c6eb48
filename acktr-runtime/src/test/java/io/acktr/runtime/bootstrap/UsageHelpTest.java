package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders as written: picocli reads descriptions as format strings. */
class UsageHelpTest {
    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        PrintStream original = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        List<String> helps = new ArrayList<>();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            collect(new CommandLine(new AcktrCommand()), helps);
        } finally {
            System.setErr(original);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format");
        assertThat(helps).hasSizeGreaterThan(5);
        assertThat(String.join("\n", helps)).contains("with 95% bootstrap intervals").doesNotContain("95%%");
    }

    private static void collect(CommandLine command, List<String> helps) {
        helps.add(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        command.getSubcommands().values().forEach(sub -> collect(sub, helps));
    }
}
