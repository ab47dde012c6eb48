package io.acktr.envs.minatar;

import java.util.Arrays;
import java.util.List;

/**
 * The Python list semantics MinAtar's Seaquest relies on, for entities stored as {@code int[]}
 * starting {@code [x, y, ...]}. Seaquest walks its lists backwards by index (Python's
 * {@code reversed}, which stops as soon as the index is past the end) while removing by value.
 */
final class EntityLists {
    private EntityLists() {
    }

    /** The first entity at {@code (x, y)}, or null. */
    static int[] firstAt(List<int[]> entities, int x, int y) {
        for (int[] entity : entities) {
            if (entity[0] == x && entity[1] == y) {
                return entity;
            }
        }
        return null;
    }

    /** Python's {@code list.remove}: drops the first element equal in value to {@code entity}. */
    static void removeByValue(List<int[]> entities, int[] entity) {
        for (int i = 0; i < entities.size(); i++) {
            if (Arrays.equals(entities.get(i), entity)) {
                entities.remove(i);
                return;
            }
        }
        throw new IllegalStateException("no entity " + Arrays.toString(entity) + " to remove");
    }
}
