package io.acktr.runtime.lifecycle;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.acktr.api.state.SavedState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The files of a checkpoint folder, format version {@value #FORMAT_VERSION}:
 * {@value #CONF} (HOCON) holds the counters, the parameter blocks in order (name, shape, data
 * type), the wrapper statistics and the entries of the training state (component, name, and for
 * arrays shape and data type); {@value #PARAMETERS} holds the blocks' arrays in that order, each
 * as ND4J serialises it ({@link Nd4j#write(INDArray, DataOutputStream)}); {@value #STATE} (only in
 * a checkpoint a run can resume from) holds the training state's arrays in order, then one DOUBLE
 * array of its scalars. Version {@value #FIRST_FORMAT_VERSION} (no training state) is still read.
 *
 * <pre>{@code
 * format-version = 2
 * env-steps = 1280
 * updates = 16
 * parameters = [ { name = "pi/0", shape = [64, 5], data-type = FLOAT }, ... ]
 * training-state = [ { component = "curvature", name = "statistics/layers/0/a", shape = [5, 5], data-type = DOUBLE }, ... ]
 * training-scalars = [ { component = "learner", name = "updates" }, ... ]
 * wrapper-statistics { "0" { type = normalize-observation, count = 1282.0001, mean = [..], variance = [..] } }
 * }</pre>
 *
 * Reading checks everything against everything else and fails with an
 * {@link InvalidCheckpointException} naming the file and what is wrong.
 */
final class CheckpointFiles {
    static final int FORMAT_VERSION = 2;
    /** Version 1 lacks the training state: such a checkpoint is evaluated, not resumed. */
    static final int FIRST_FORMAT_VERSION = 1;
    static final String CONF = "checkpoint.conf";
    static final String PARAMETERS = "parameters.bin";
    /** The arrays of the training state, then one array holding its scalars, in {@value #CONF}'s order. */
    static final String STATE = "state.bin";

    /** A block as {@value #CONF} declares it. */
    private record Declared(String name, long[] shape, DataType dataType) {
        String describe() {
            return "\"" + name + "\" " + Arrays.toString(shape) + " " + dataType;
        }
    }

    private CheckpointFiles() {
    }

    /** Writes both files into {@code folder}, which exists and is empty, forcing them to the device. */
    static void write(Checkpoint checkpoint, Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder.resolve(PARAMETERS), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            for (Checkpoint.Block block : checkpoint.parameters()) {
                Nd4j.write(block.value(), out);
            }
            out.flush();
            channel.force(true);
        }
        if (checkpoint.canResume()) {
            try (FileChannel channel = FileChannel.open(folder.resolve(STATE), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
                for (StateEntry entry : stateArrays(checkpoint)) {
                    Nd4j.write(entry.value(), out);
                }
                double[] scalars = stateScalars(checkpoint).stream().mapToDouble(StateEntry::scalar).toArray();
                if (scalars.length > 0) {
                    Nd4j.write(Nd4j.createFromArray(scalars), out);
                }
                out.flush();
                channel.force(true);
            }
        }
        try (FileChannel channel = FileChannel.open(folder.resolve(CONF), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(render(checkpoint).getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.force(true);
        }
    }

    /** One line per counter and per block, in a fixed order, then the statistics as HOCON. */
    private static String render(Checkpoint checkpoint) {
        StringBuilder text = new StringBuilder("# acktr checkpoint. The arrays of the parameter blocks are in ")
                .append(PARAMETERS).append(", in this order, as ND4J serialises them.\n")
                .append("format-version = ").append(FORMAT_VERSION).append('\n')
                .append("env-steps = ").append(checkpoint.envSteps()).append('\n')
                .append("updates = ").append(checkpoint.updates()).append('\n')
                .append("parameters = [\n");
        for (Checkpoint.Block block : checkpoint.parameters()) {
            text.append("  { name = ").append(ConfigValueFactory.fromAnyRef(block.name()).render())
                    .append(", shape = ").append(Arrays.toString(block.shape()))
                    .append(", data-type = ").append(block.dataType().name()).append(" }\n");
        }
        text.append("]\n");
        text.append("# the training state a resumed run takes back: its arrays are in ").append(STATE)
                .append(", in this order, then one DOUBLE array of the scalars listed after them\n");
        text.append("training-state = [\n");
        for (StateEntry entry : stateArrays(checkpoint)) {
            text.append("  { component = ").append(quoted(entry.component())).append(", name = ").append(quoted(entry.name()))
                    .append(", shape = ").append(Arrays.toString(entry.value().shape()))
                    .append(", data-type = ").append(entry.value().dataType().name()).append(" }\n");
        }
        text.append("]\ntraining-scalars = [\n");
        for (StateEntry entry : stateScalars(checkpoint)) {
            text.append("  { component = ").append(quoted(entry.component())).append(", name = ").append(quoted(entry.name()))
                    .append(" }\n");
        }
        text.append("]\n");
        return text
                .append(checkpoint.wrapperStatistics().root().atKey("wrapper-statistics").root()
                        .render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false)))
                .toString();
    }

    /** One array or scalar of a component's saved state. */
    private record StateEntry(String component, String name, INDArray value, double scalar) {
    }

    private static String quoted(String text) {
        return ConfigValueFactory.fromAnyRef(text).render();
    }

    private static List<StateEntry> stateArrays(Checkpoint checkpoint) {
        List<StateEntry> entries = new ArrayList<>();
        checkpoint.trainingState().forEach((component, state) -> state.arrays().forEach((name, value) -> {
            if (value.rank() == 0 || value.length() == 0) {
                throw new IllegalStateException("training state " + component + " / " + name + " has shape "
                        + Arrays.toString(value.shape()) + "; a saved array needs at least one element and one dimension");
            }
            entries.add(new StateEntry(component, name, value, 0));
        }));
        return entries;
    }

    private static List<StateEntry> stateScalars(Checkpoint checkpoint) {
        List<StateEntry> entries = new ArrayList<>();
        checkpoint.trainingState().forEach((component, state) -> state.scalars().forEach((name, value) ->
                entries.add(new StateEntry(component, name, null, value))));
        return entries;
    }

    /** Reads and checks the checkpoint in {@code folder}; its origin is the path of {@value #CONF}. */
    static Checkpoint read(Path folder) {
        Path confFile = folder.resolve(CONF);
        if (!Files.isRegularFile(confFile)) {
            throw invalid(confFile, "missing");
        }
        Config conf;
        try {
            conf = ConfigFactory.parseFile(confFile.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new InvalidCheckpointException(confFile + ": not readable as HOCON: " + e.getMessage(), e);
        }
        long version = nonNegativeLong(conf, confFile, "format-version");
        if (version != FORMAT_VERSION && version != FIRST_FORMAT_VERSION) {
            throw invalid(confFile, "format-version = " + version + " is not supported; this acktr reads versions "
                    + FIRST_FORMAT_VERSION + " and " + FORMAT_VERSION);
        }
        long envSteps = nonNegativeLong(conf, confFile, "env-steps");
        long updates = nonNegativeLong(conf, confFile, "updates");
        List<Declared> declared = declaredBlocks(conf, confFile);
        if (!conf.hasPath("wrapper-statistics") || conf.getValue("wrapper-statistics").valueType() != ConfigValueType.OBJECT) {
            throw invalid(confFile, "wrapper-statistics must be an object (empty without normalising wrappers)");
        }
        Config statistics = conf.getConfig("wrapper-statistics");
        List<INDArray> values = readArrays(folder.resolve(PARAMETERS), declared);
        List<Checkpoint.Block> blocks = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            blocks.add(new Checkpoint.Block(declared.get(i).name(), values.get(i)));
        }
        Map<String, SavedState> training = version == FIRST_FORMAT_VERSION ? Map.of() : readTrainingState(folder, conf, confFile);
        return new Checkpoint(confFile.toString(), envSteps, updates, blocks, statistics, training);
    }

    /** The components' arrays and scalars, by component, in the order they were written. */
    private static Map<String, SavedState> readTrainingState(Path folder, Config conf, Path confFile) {
        List<String[]> arrayNames = new ArrayList<>();
        List<Declared> arrays = new ArrayList<>();
        for (Config entry : entries(conf, confFile, "training-state")) {
            String path = "training-state[" + arrayNames.size() + "]";
            arrayNames.add(new String[] {string(entry, confFile, path, "component"), string(entry, confFile, path, "name")});
            arrays.add(new Declared(arrayNames.get(arrayNames.size() - 1)[0] + " / " + arrayNames.get(arrayNames.size() - 1)[1],
                    shape(entry, confFile, path), dataType(entry, confFile, path)));
        }
        List<String[]> scalarNames = new ArrayList<>();
        for (Config entry : entries(conf, confFile, "training-scalars")) {
            String path = "training-scalars[" + scalarNames.size() + "]";
            scalarNames.add(new String[] {string(entry, confFile, path, "component"), string(entry, confFile, path, "name")});
        }
        if (arrays.isEmpty() && scalarNames.isEmpty()) {
            return Map.of();
        }
        List<Declared> all = new ArrayList<>(arrays);
        if (!scalarNames.isEmpty()) {
            all.add(new Declared("the " + scalarNames.size() + " scalars", new long[] {scalarNames.size()}, DataType.DOUBLE));
        }
        List<INDArray> values = readArrays(folder.resolve(STATE), all);
        Map<String, Map<String, INDArray>> byComponentArrays = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byComponentScalars = new LinkedHashMap<>();
        for (int i = 0; i < arrays.size(); i++) {
            byComponentArrays.computeIfAbsent(arrayNames.get(i)[0], c -> new LinkedHashMap<>()).put(arrayNames.get(i)[1], values.get(i));
            byComponentScalars.computeIfAbsent(arrayNames.get(i)[0], c -> new LinkedHashMap<>());
        }
        double[] scalars = scalarNames.isEmpty() ? new double[0] : values.get(values.size() - 1).toDoubleVector();
        for (int i = 0; i < scalarNames.size(); i++) {
            byComponentArrays.computeIfAbsent(scalarNames.get(i)[0], c -> new LinkedHashMap<>());
            byComponentScalars.computeIfAbsent(scalarNames.get(i)[0], c -> new LinkedHashMap<>()).put(scalarNames.get(i)[1], scalars[i]);
        }
        Map<String, SavedState> training = new LinkedHashMap<>();
        byComponentArrays.forEach((component, componentArrays) ->
                training.put(component, new SavedState(componentArrays, byComponentScalars.get(component))));
        return training;
    }

    private static List<Config> entries(Config conf, Path file, String key) {
        if (!conf.hasPath(key) || conf.getValue(key).valueType() != ConfigValueType.LIST) {
            throw invalid(file, key + " must be a list (empty without training state)");
        }
        List<Config> entries = new ArrayList<>();
        ConfigList list = conf.getList(key);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof ConfigObject object)) {
                throw invalid(file, key + "[" + i + "] must be an object");
            }
            entries.add(object.toConfig());
        }
        return entries;
    }

    private static DataType dataType(Config entry, Path file, String path) {
        String dataTypeName = string(entry, file, path, "data-type");
        try {
            return DataType.valueOf(dataTypeName);
        } catch (IllegalArgumentException e) {
            throw invalid(file, path + ".data-type = \"" + dataTypeName + "\" is not an ND4J data type such as FLOAT");
        }
    }

    private static List<Declared> declaredBlocks(Config conf, Path file) {
        if (!conf.hasPath("parameters") || conf.getValue("parameters").valueType() != ConfigValueType.LIST) {
            throw invalid(file, "parameters must be a list of blocks { name, shape, data-type }");
        }
        ConfigList list = conf.getList("parameters");
        if (list.isEmpty()) {
            throw invalid(file, "parameters lists no block");
        }
        List<Declared> declared = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "parameters[" + i + "]";
            if (!(list.get(i) instanceof ConfigObject object)) {
                throw invalid(file, path + " must be an object { name, shape, data-type }");
            }
            Config block = object.toConfig();
            String name = string(block, file, path, "name");
            long[] shape = shape(block, file, path);
            String dataTypeName = string(block, file, path, "data-type");
            DataType dataType;
            try {
                dataType = DataType.valueOf(dataTypeName);
            } catch (IllegalArgumentException e) {
                throw invalid(file, path + ".data-type = \"" + dataTypeName + "\" is not an ND4J data type such as FLOAT");
            }
            Declared entry = new Declared(name, shape, dataType);
            if (declared.stream().anyMatch(d -> d.name().equals(name))) {
                throw invalid(file, path + ".name = \"" + name + "\" repeats");
            }
            declared.add(entry);
        }
        return declared;
    }

    /**
     * Reads the arrays {@code declared} lists. The size the file must have is known beforehand
     * (ND4J writes an array of a given shape and type in a fixed number of bytes), so a truncated
     * or overlong file is refused before ND4J reads, and never makes it allocate for garbage.
     */
    private static List<INDArray> readArrays(Path file, List<Declared> declared) {
        if (!Files.isRegularFile(file)) {
            throw invalid(file, "missing");
        }
        long[] ends = new long[declared.size()];
        long end = 0;
        for (int i = 0; i < declared.size(); i++) {
            end += serialisedSize(declared.get(i));
            ends[i] = end;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InvalidCheckpointException(file + ": cannot be read: " + e.getMessage(), e);
        }
        for (int i = 0; i < declared.size(); i++) {
            if (size < ends[i]) {
                throw invalid(file, "truncated: " + size + " bytes, but the " + declared.size() + " blocks " + CONF
                        + " declares take " + end + "; block " + (i + 1) + " " + declared.get(i).describe() + " is cut off");
            }
        }
        if (size > end) {
            throw invalid(file, "has " + (size - end) + " bytes more than the " + declared.size() + " blocks " + CONF
                    + " declares, which end with " + declared.get(declared.size() - 1).describe());
        }
        List<INDArray> blocks = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (int i = 0; i < declared.size(); i++) {
                Declared expected = declared.get(i);
                INDArray value;
                try {
                    value = Nd4j.read(in);
                } catch (RuntimeException e) {
                    throw new InvalidCheckpointException(file + ": block " + (i + 1) + " " + expected.describe()
                            + " is damaged: " + rootMessage(e), e);
                }
                if (!Arrays.equals(value.shape(), expected.shape()) || value.dataType() != expected.dataType()) {
                    throw invalid(file, "block " + (i + 1) + " is " + Arrays.toString(value.shape()) + " " + value.dataType()
                            + ", but " + CONF + " declares " + expected.describe());
                }
                blocks.add(value);
            }
        } catch (IOException e) {
            throw new InvalidCheckpointException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return blocks;
    }

    /** Bytes ND4J writes for an array of this shape and type. */
    private static long serialisedSize(Declared block) {
        CountingStream counter = new CountingStream();
        try (DataOutputStream out = new DataOutputStream(counter)) {
            Nd4j.write(Nd4j.create(block.dataType(), block.shape()), out);
        } catch (IOException e) {
            throw new IllegalStateException("counting bytes cannot fail", e);
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static long[] shape(Config block, Path file, String path) {
        if (block.hasPath("shape") && block.getValue("shape") instanceof ConfigList sizes && !sizes.isEmpty()) {
            long[] shape = new long[sizes.size()];
            for (int d = 0; d < shape.length; d++) {
                Object size = sizes.get(d).unwrapped();
                if (!(size instanceof Integer || size instanceof Long) || ((Number) size).longValue() < 1) {
                    throw invalid(file, path + ".shape[" + d + "] = " + sizes.get(d).render(ConfigRenderOptions.concise())
                            + ": must be a whole number >= 1");
                }
                shape[d] = ((Number) size).longValue();
            }
            return shape;
        }
        throw invalid(file, path + ".shape must be a non-empty list of sizes");
    }

    private static long nonNegativeLong(Config conf, Path file, String key) {
        if (!conf.hasPath(key)) {
            throw invalid(file, "lacks " + key);
        }
        Object value = conf.getValue(key).unwrapped();
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0) {
            throw invalid(file, key + " = " + conf.getValue(key).render(ConfigRenderOptions.concise())
                    + ": must be a whole number >= 0");
        }
        return ((Number) value).longValue();
    }

    private static String string(Config block, Path file, String path, String key) {
        if (!block.hasPath(key) || block.getValue(key).valueType() != ConfigValueType.STRING) {
            throw invalid(file, path + "." + key + " must be a string");
        }
        return block.getString(key);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static InvalidCheckpointException invalid(Path file, String problem) {
        return new InvalidCheckpointException(file + ": " + problem);
    }
}
