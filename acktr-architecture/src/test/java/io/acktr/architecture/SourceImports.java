package io.acktr.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Package dependencies as the import declarations of Java sources state them, and the cycles among
 * them. This complements the class files ArchUnit reads: javac inlines compile-time constants
 * ({@code static final} primitives and strings), so a class that uses only another package's
 * constants depends on that package in its source but not in its class file.
 */
final class SourceImports {
    /** One import of a package under the root by a file in another package under the root. */
    record Import(String fromPackage, String fromType, int line, String imported, String toPackage) {
        String describe(String root) {
            return "  " + relative(fromPackage, root) + "." + fromType + ":" + line + " imports " + imported;
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?\\s*;");

    private final String root;
    private final List<Import> imports;

    private SourceImports(String root, List<Import> imports) {
        this.root = root;
        this.imports = List.copyOf(imports);
    }

    /** Reads every {@code .java} file below the source directories; keeps imports between packages under {@code root}. */
    static SourceImports read(List<Path> sourceDirectories, String root) {
        List<Import> imports = new ArrayList<>();
        for (Path directory : sourceDirectories) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    imports.addAll(importsOf(file, root));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SourceImports(root, imports);
    }

    /** The production source directories of every module of the repository at {@code repository}. */
    static List<Path> mainSourceDirectories(Path repository) {
        try (Stream<Path> modules = Files.list(repository)) {
            return modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Import> imports() {
        return imports;
    }

    /**
     * Each set of packages that import one another in a cycle (a strongly connected component of
     * the import graph with more than one package), named below the root, with the imports among
     * them; empty when the packages are free of cycles.
     */
    List<String> cycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Import i : imports) {
            graph.computeIfAbsent(i.fromPackage(), p -> new TreeSet<>()).add(i.toPackage());
            graph.computeIfAbsent(i.toPackage(), p -> new TreeSet<>());
        }
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : new Tarjan(graph).components()) {
            if (component.size() < 2) {
                continue;
            }
            StringBuilder text = new StringBuilder("Cycle between packages ");
            text.append(String.join(", ", component.stream().map(p -> relative(p, root)).toList())).append(':');
            for (Import i : imports) {
                if (component.contains(i.fromPackage()) && component.contains(i.toPackage())) {
                    text.append('\n').append(i.describe(root));
                }
            }
            cycles.add(text.toString());
        }
        return cycles;
    }

    private static List<Import> importsOf(Path file, String root) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = file.getFileName().toString().replaceFirst("\\.java$", "");
        String filePackage = null;
        List<Import> imports = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            Matcher declaration = PACKAGE.matcher(line);
            if (filePackage == null && declaration.find()) {
                filePackage = declaration.group(1);
                continue;
            }
            Matcher imported = IMPORT.matcher(line);
            if (filePackage != null && imported.find()) {
                String name = imported.group(1);
                String target = packageOf(name);
                if (isUnder(filePackage, root) && isUnder(target, root) && !target.equals(filePackage)) {
                    imports.add(new Import(filePackage, type, n + 1, name, target));
                }
            }
        }
        return imports;
    }

    /** The package of a qualified name: its segments up to the first that starts with an upper-case letter. */
    static String packageOf(String qualifiedName) {
        List<String> segments = new ArrayList<>();
        for (String segment : qualifiedName.split("\\.")) {
            if (Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }

    private static boolean isUnder(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private static String relative(String packageName, String root) {
        return packageName.equals(root) ? packageName : packageName.substring(root.length() + 1);
    }

    /** Tarjan's strongly connected components; the graph is small, so recursion is fine. */
    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            components.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.get(node)) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}
