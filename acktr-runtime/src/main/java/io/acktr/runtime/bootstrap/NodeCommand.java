package io.acktr.runtime.bootstrap;

import com.typesafe.config.ConfigException;
import io.acktr.runtime.cluster.ClusterNode;
import io.acktr.runtime.cluster.ClusterSettings;
import io.acktr.runtime.cluster.ClusterVertx;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code acktr node}: a worker of a cluster, training the runs of clustered suites until it is stopped. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Join a cluster of acktr nodes and offer run slots to the coordinators of clustered suites"
                + " (acktr ablation --cluster, acktr bench sample-efficiency --cluster) until stopped.",
                "The event bus is not encrypted (unless acktr.cluster.tls.enabled): keep the cluster on a private network."})
final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--slots", paramLabel = "K", description = "Runs trained at the same time (default: one per core;"
            + " acktr.cluster.slots).")
    Integer slots;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Override a setting, e.g."
            + " --set acktr.cluster.port=5702.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> sets = new ArrayList<>(overrides);
        if (slots != null) {
            if (slots < 1) {
                throw new ConfigException.BadValue("--slots", slots + ": must be >= 1");
            }
            sets.add(ClusterSettings.PREFIX + ".slots=" + slots);
        }
        ClusterSettings settings = cluster.settings(loader, sets, false);
        PrintWriter out = spec.commandLine().getOut();
        // ND4J loads its native backend on first use, about 2 s on one core: here, before the node
        // offers its slots, rather than in the first run of every suite
        Nd4j.scalar(0f).addi(1f);
        ClusterVertx.Joined joined = ClusterVertx.join(settings);
        ClusterNode node = new ClusterNode(joined.vertx(), settings, loader, new GuicePluginLookup(loader), out);
        node.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            joined.close();
            stopped.countDown();
        }, "acktr-node-stop"));
        out.printf("node %s ready: %d slot%s; cluster %s on %s, event bus on %s, members %s%n", node.nodeId(), node.slots(),
                node.slots() == 1 ? "" : "s", settings.name(), joined.hazelcastAddress(), joined.eventBusAddress(),
                settings.members());
        out.flush();
        stopped.await();
        return 0;
    }
}
