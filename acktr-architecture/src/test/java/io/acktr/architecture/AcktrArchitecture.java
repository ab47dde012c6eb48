package io.acktr.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Objects.requireNonNull;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of acktr, for the classes under one root package: {@link #PRODUCTION} checks
 * {@code io.acktr}; the tests that prove each rule can fail check a fixture root holding known
 * violations. Package identifiers use ArchUnit's syntax: {@code ..} stands for any number of
 * packages.
 */
final class AcktrArchitecture {
    static final AcktrArchitecture PRODUCTION = new AcktrArchitecture("io.acktr");

    private final String root;

    AcktrArchitecture(String root) {
        this.root = requireNonNull(root, "root is null");
    }

    /** The fully qualified name of the annotation marking extension points under this root. */
    String extensionPointAnnotation() {
        return root + ".api.plugin.ExtensionPoint";
    }

    /**
     * (a) No cycles between packages: every package under the root is a slice of its own (named by
     * its path below the root, e.g. {@code runtime.bootstrap}), so a cycle between two sibling
     * packages of one module fails as a cycle between modules does.
     */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("dependencies between packages point one way; see docs/STYLE.md (d)");
    }

    /**
     * (b) acktr-api is what a plugin compiles against: the JDK, nd4j-api and Typesafe Config only.
     * Guice, Vert.x, an ND4J backend or acktr's own implementation classes would reach every plugin.
     */
    ArchRule apiDependsOnlyOnNd4jAndConfig() {
        return classes().that().resideInAPackage(root + ".api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.nd4j..", "com.typesafe.config..",
                        root + ".api..")
                .because("acktr-api depends on nd4j-api and Typesafe Config only (docs/STYLE.md (b) 2)");
    }

    /** (c) The runtime is on top: the api, the numerics and the plugin modules never reach into it. */
    ArchRule pluginsDoNotDependOnTheRuntime() {
        return noClasses().that().resideInAnyPackage(root + ".api..", root + ".numerics..", root + ".curvature..",
                        root + ".policies..", root + ".envs..")
                .should().dependOnClassesThat().resideInAPackage(root + ".runtime..")
                .because("the runtime assembles the plugins, not the other way round");
    }

    /** (d) The api, the numerics and the linear algebra and layer kernels know no DI container and no bus. */
    ArchRule numericsAreFreeOfGuiceAndVertx() {
        return noClasses().that().resideInAnyPackage(root + ".api..", root + ".numerics..", root + "..linalg..",
                        root + "..layers..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "io.vertx..")
                .because("numerics are stateless kernels without DI or bus code (docs/STYLE.md (b) 8)");
    }

    /**
     * (f) The event bus is the runtime's backbone, and only its backbone knows it: Vert.x (apart
     * from its JSON values) is used in {@code runtime.bus} (addresses, messages, codecs),
     * {@code runtime.learner} and {@code runtime.worker} (the two ends of the rollout protocol), and
     * {@code runtime.lifecycle}, which starts and stops a run's Vert.x instance, and the dashboard
     * (acktr-dashboard), a Vert.x Web server that listens on the runs' buses; never in the
     * algorithm, the api or the plugin modules.
     */
    ArchRule vertxOnlyInTheBusAndItsEnds() {
        return noClasses().that().resideOutsideOfPackages(root + ".runtime.bus..", root + ".runtime.learner..",
                        root + ".runtime.worker..", root + ".runtime.lifecycle..", root + ".runtime.cluster..",
                        root + ".dashboard..")
                .should().dependOnClassesThat(DescribedPredicate.and(JavaClass.Predicates.resideInAPackage("io.vertx.."),
                        DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.vertx.core.json.."))))
                .because("Vert.x stays in the bus, the learner, the workers, the cluster, the lifecycle that starts it and the dashboard "
                        + "(docs/STYLE.md (b) 12, (c))");
    }

    /**
     * (e) Every public interface of the api that a class outside the api implements or extends,
     * directly or through other types, is marked {@code @ExtensionPoint}.
     */
    ArchRule implementedApiInterfacesAreExtensionPoints() {
        return classes().that().resideInAPackage(root + ".api..").and().areInterfaces().and().arePublic()
                .and(areImplementedOutsideOf(root + ".api.."))
                .should().beAnnotatedWith(extensionPointAnnotation())
                .because("an interface implemented outside acktr-api is a contract plugins rely on; see ExtensionPoint");
    }

    /** (e, conversely) {@code @ExtensionPoint} marks public interfaces of the api and nothing else. */
    ArchRule onlyApiInterfacesAreExtensionPoints() {
        return classes().that().areAnnotatedWith(extensionPointAnnotation())
                .should().beInterfaces().andShould().bePublic().andShould().resideInAPackage(root + ".api..")
                .because("records, enums and classes of the api are values, not extension points; see ExtensionPoint");
    }

    /**
     * (g) Nothing calls ND4J's row- and column-vector operations ({@code mulRowVector},
     * {@code addiColumnVector}, ...): they are ND4J's broadcasts, which crashed the JVM when
     * garbage collections ran beside them (see {@code Elementwise} in acktr-numerics, which stands in
     * for them).
     */
    ArchRule noNd4jBroadcasts() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().callMethodWhere(new DescribedPredicate<>("the target is an ND4J row- or column-vector operation") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().isAssignableTo("org.nd4j.linalg.api.ndarray.INDArray")
                                && call.getName().matches("[a-z]+(Row|Column)Vector");
                    }
                })
                .because("ND4J's broadcasts crash the JVM under garbage collection; use Elementwise (acktr-numerics)");
    }

    private static DescribedPredicate<JavaClass> areImplementedOutsideOf(String packageIdentifier) {
        DescribedPredicate<JavaClass> outside = resideOutsideOfPackage(packageIdentifier);
        return new DescribedPredicate<>("are implemented by a class outside " + packageIdentifier) {
            @Override
            public boolean test(JavaClass type) {
                return type.getAllSubclasses().stream().anyMatch(outside);
            }
        };
    }
}
