package org.example.gridwalk;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;

/**
 * Offers {@link GridWalk} to acktr under the id {@code GridWalk-v0}. Listed in
 * {@code META-INF/services/io.acktr.api.env.EnvironmentProvider}, so {@link java.util.ServiceLoader}
 * finds it once the jar is on acktr's class path (the bundle's {@code plugins/} folder).
 */
public final class GridWalkProvider implements EnvironmentProvider {
    @Override
    public String id() {
        return GridWalk.ID;
    }

    @Override
    public String description() {
        return "walk right along " + GridWalk.CELLS + " cells to the goal; " + GridWalk.MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new GridWalk();
    }
}
