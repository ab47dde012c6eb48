package io.acktr.api.state;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The state of a {@link Stateful} component as named arrays and named scalars, which a checkpoint
 * stores bit for bit (arrays keep their data type; scalars are doubles, NaN and infinities
 * included). Names are the component's own; a component made of parts prefixes the parts' names,
 * see {@link #prefixed} and {@link #part}. Whole numbers beyond 2^53 (a random generator's state)
 * go into a {@link DataType#LONG} array, see {@link #withLongs}.
 *
 * <p>The arrays are the caller's: {@link Stateful#saveState()} returns copies, and
 * {@link Stateful#restoreState} copies out of them.
 */
public record SavedState(Map<String, INDArray> arrays, Map<String, Double> scalars) {
    private static final SavedState EMPTY = new SavedState(Map.of(), Map.of());

    public SavedState {
        requireNonNull(arrays, "arrays is null");
        requireNonNull(scalars, "scalars is null");
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        arrays.forEach((name, value) -> requireNonNull(value, "array \"" + name + "\" is null"));
        scalars.forEach((name, value) -> requireNonNull(value, "scalar \"" + name + "\" is null"));
    }

    /** A state with nothing in it. */
    public static SavedState empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return arrays.isEmpty() && scalars.isEmpty();
    }

    /** This state and {@code name = value}. */
    public SavedState with(String name, double value) {
        Map<String, Double> more = new LinkedHashMap<>(scalars);
        more.put(requireNonNull(name, "name is null"), value);
        return new SavedState(arrays, more);
    }

    /** This state and the flag {@code name}, saved as 1 for true and 0 for false ({@link #flag}). */
    public SavedState with(String name, boolean value) {
        return with(name, value ? 1.0 : 0.0);
    }

    /** This state and {@code name = value} (the array as given, not copied). */
    public SavedState with(String name, INDArray value) {
        Map<String, INDArray> more = new LinkedHashMap<>(arrays);
        more.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return new SavedState(more, scalars);
    }

    /** This state and {@code name} = a copy of {@code values}, as a double array. */
    public SavedState with(String name, double[] values) {
        return with(name, Nd4j.createFromArray(values.clone()));
    }

    /** This state and {@code name} = a copy of {@code values}, as a {@link DataType#LONG} array (exact). */
    public SavedState withLongs(String name, long[] values) {
        return with(name, Nd4j.createFromArray(values.clone()));
    }

    /** This state and every entry of {@code other}, its names prefixed with {@code prefix}. */
    public SavedState with(String prefix, SavedState other) {
        Map<String, INDArray> moreArrays = new LinkedHashMap<>(arrays);
        Map<String, Double> moreScalars = new LinkedHashMap<>(scalars);
        other.arrays.forEach((name, value) -> moreArrays.put(prefix + name, value));
        other.scalars.forEach((name, value) -> moreScalars.put(prefix + name, value));
        return new SavedState(moreArrays, moreScalars);
    }

    /** The entries of this state whose names start with {@code prefix}, with the prefix removed. */
    public SavedState part(String prefix) {
        Map<String, INDArray> someArrays = new LinkedHashMap<>();
        Map<String, Double> someScalars = new LinkedHashMap<>();
        arrays.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                someArrays.put(name.substring(prefix.length()), value);
            }
        });
        scalars.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                someScalars.put(name.substring(prefix.length()), value);
            }
        });
        return new SavedState(someArrays, someScalars);
    }

    /** This state and a copy of each of {@code blocks}, named {@code prefix + name}, in the map's order. */
    public SavedState withCopies(String prefix, Map<String, INDArray> blocks) {
        Map<String, INDArray> more = new LinkedHashMap<>(arrays);
        blocks.forEach((name, value) -> more.put(prefix + name, value.dup()));
        return new SavedState(more, scalars);
    }

    /** Copies of the arrays named {@code prefix + name}, by name, in this state's order: what {@link #withCopies} saved. */
    public Map<String, INDArray> copiesUnder(String prefix) {
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        arrays.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                blocks.put(name.substring(prefix.length()), value.dup());
            }
        });
        return blocks;
    }

    /** {@link #with(String, SavedState)} with an empty state: {@code other}'s entries under {@code prefix}. */
    public static SavedState prefixed(String prefix, SavedState other) {
        return EMPTY.with(prefix, other);
    }

    public boolean hasArray(String name) {
        return arrays.containsKey(name);
    }

    public boolean hasScalar(String name) {
        return scalars.containsKey(name);
    }

    /**
     * @throws IllegalArgumentException naming the missing entry
     */
    public INDArray array(String name) {
        INDArray value = arrays.get(name);
        if (value == null) {
            throw new IllegalArgumentException("saved state lacks the array \"" + name + "\"; it has " + arrays.keySet());
        }
        return value;
    }

    /** The array {@code name} as doubles (a copy). */
    public double[] doubles(String name) {
        return array(name).castTo(DataType.DOUBLE).ravel().toDoubleVector();
    }

    /** The {@link DataType#LONG} array {@code name} as longs (a copy). */
    public long[] longs(String name) {
        INDArray value = array(name);
        if (value.dataType() != DataType.LONG) {
            throw new IllegalArgumentException("saved array \"" + name + "\" is " + value.dataType() + ", expected LONG");
        }
        return value.ravel().toLongVector();
    }

    /**
     * @throws IllegalArgumentException naming the missing entry
     */
    public double scalar(String name) {
        Double value = scalars.get(name);
        if (value == null) {
            throw new IllegalArgumentException("saved state lacks the scalar \"" + name + "\"; it has " + scalars.keySet());
        }
        return value;
    }

    /** The flag {@link #with(String, boolean)} saved as {@code name}: true unless it is 0. */
    public boolean flag(String name) {
        return scalar(name) != 0;
    }

    /** The scalar {@code name}, which must be a whole number. */
    public long whole(String name) {
        double value = scalar(name);
        if (value != Math.rint(value) || Math.abs(value) > 0x1p53) {
            throw new IllegalArgumentException("saved scalar \"" + name + "\" = " + value + " is not a whole number");
        }
        return (long) value;
    }
}
