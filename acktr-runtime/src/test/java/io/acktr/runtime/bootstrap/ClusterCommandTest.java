package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code acktr node} and to the {@code --cluster} suites stops with exit 2 before joining anything. */
class ClusterCommandTest {
    private record Result(int exitCode, String out, String err) {
    }

    private static Result acktr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AcktrCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aClusteredSuiteWithoutMembersToJoinIsBadInput(@TempDir Path dir) {
        Result r = acktr("ablation", "--cluster", "--dry-run", "--out", dir.resolve("a").toString());

        assertThat(r.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--join").contains("no members to join").contains("acktr.cluster.members");
    }

    @Test
    void aMemberThatIsNotHostColonPortIsBadInput(@TempDir Path dir) {
        Result suite = acktr("bench", "sample-efficiency", "--cluster", "--join", "10.0.0.5:fifty", "--dry-run",
                "--out", dir.resolve("b").toString());
        Result node = acktr("node", "--join", "10.0.0.5");

        assertThat(suite.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(suite.err()).contains("--join").contains("10.0.0.5:fifty").contains("port must be a number");
        assertThat(node.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(node.err()).contains("--join").contains("expected HOST:PORT");
    }

    @Test
    void badNodeSettingsAreBadInputNamingTheirPath() {
        Result slots = acktr("node", "--slots", "0");
        Result timeout = acktr("node", "--set", "acktr.cluster.heartbeat-timeout=1ms");

        assertThat(slots.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(slots.err()).contains("--slots").contains(">= 1");
        assertThat(timeout.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(timeout.err()).contains("acktr.cluster.heartbeat-timeout");
    }

    @Test
    void aClusteredDryRunListsTheRunsAndJoinsNothing(@TempDir Path dir) {
        Result r = acktr("ablation", "--cluster", "--join", "127.0.0.1:5701", "--tasks", "cartpole", "--dry-run",
                "--out", dir.resolve("c").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 tasks x 5 variants x 3 seeds = 15 runs").doesNotContain("coordinator joined");
    }

    @Test
    void trainingWithRolloutNodesNeedsBothFlagsAndMembersAndNoMoreNodesThanEnvironments() {
        Result noNodes = acktr("train", "--cluster", "--join", "127.0.0.1:5701");
        Result noCluster = acktr("train", "--rollout-nodes", "2");
        Result noMembers = acktr("train", "--cluster", "--rollout-nodes", "2");
        Result tooMany = acktr("train", "--cluster", "--join", "127.0.0.1:5701", "--rollout-nodes", "9");

        assertThat(noNodes.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(noNodes.err()).contains("--rollout-nodes").contains("needs --rollout-nodes M");
        assertThat(noCluster.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(noCluster.err()).contains("--cluster").contains("give --cluster too");
        assertThat(noMembers.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(noMembers.err()).contains("--join").contains("no members to join");
        assertThat(tooMany.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(tooMany.err()).contains("acktr.runtime.rollout-workers").contains("acktr.env.count = 8");
    }
}
