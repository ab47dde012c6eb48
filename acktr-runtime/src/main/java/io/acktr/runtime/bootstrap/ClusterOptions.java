package io.acktr.runtime.bootstrap;

import com.typesafe.config.ConfigException;
import io.acktr.runtime.cluster.ClusterSettings;
import io.acktr.runtime.settings.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Where this process joins the cluster: {@code --cluster-host} and {@code --join}, over
 * {@code acktr.cluster}. Public for the commands of other modules ({@code acktr dashboard --cluster}).
 */
public final class ClusterOptions {
    @Option(names = "--cluster-host", paramLabel = "HOST",
            description = "The interface the cluster binds to, an address of this machine (acktr.cluster.host).")
    String host;

    @Option(names = "--join", paramLabel = "HOST:PORT", split = ",",
            description = "Members of the cluster to join, by their Hazelcast ports (acktr.cluster.members).")
    List<String> join = new ArrayList<>();

    /** The flag given of these, if any: for a command that takes them only with {@code --cluster}. */
    public Optional<String> given() {
        return host != null ? Optional.of("--cluster-host") : join.isEmpty() ? Optional.empty() : Optional.of("--join");
    }

    /**
     * The cluster settings: {@code acktr.cluster} of the references, under {@code --set} and then
     * these options. {@code needMembers}: fail (exit 2) when there is none to join.
     */
    public ClusterSettings settings(ClassLoader loader, List<String> overrides, boolean needMembers) {
        List<String> sets = new ArrayList<>(overrides);
        if (host != null) {
            if (host.isBlank()) {
                throw new ConfigException.BadValue("--cluster-host", "must be an address of this machine, e.g. 10.0.0.5");
            }
            sets.add(ClusterSettings.PREFIX + ".host=\"" + host.strip() + "\"");
        }
        if (!join.isEmpty()) {
            List<ClusterSettings.Member> members = join.stream().map(m -> ClusterSettings.Member.parse("--join", m.strip())).toList();
            sets.add(ClusterSettings.PREFIX + ".members=" + members.stream().map(m -> "\"" + m + "\"")
                    .collect(Collectors.joining(",", "[", "]")));
        }
        ClusterSettings settings = ClusterSettings.from(ConfigLoader.load(loader, Optional.empty(), sets));
        if (needMembers && settings.members().isEmpty()) {
            throw new ConfigException.BadValue("--join", "no members to join: give --join HOST:PORT,... (the nodes'"
                    + " --cluster-host and Hazelcast port) or set acktr.cluster.members");
        }
        return settings;
    }
}
