package io.acktr.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link AcktrArchitecture} fails on the fixture code base (package {@code fixture}),
 * naming the classes that break it and none that keep it: a rule that cannot fail checks nothing.
 */
class ArchitectureRulesTest {
    private static final String ROOT = "io.acktr.architecture.fixture";
    private static final AcktrArchitecture RULES = new AcktrArchitecture(ROOT);
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURE);
        assertThat(result.hasViolation()).as("%s fails on the fixture", rule.getDescription()).isTrue();
        return result.getFailureReport().getDetails();
    }

    private static String joined(ArchRule rule) {
        return String.join("\n", violations(rule));
    }

    @Test
    void aCycleBetweenTwoSiblingPackagesFailsAndNamesTheClassesClosingIt() {
        List<String> cycles = violations(RULES.noPackageCycles());

        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0))
                .contains("runtime.bootstrap -> ", "runtime.lifecycle -> ")
                .contains(ROOT + ".runtime.bootstrap.Launcher.run()", ROOT + ".runtime.lifecycle.Session.name()");
    }

    @Test
    void anApiClassUsingGuiceFailsTheApiDependencyRule() {
        String report = joined(RULES.apiDependsOnlyOnNd4jAndConfig());

        assertThat(report).contains(ROOT + ".api.env.InjectedSpace", "com.google.inject.Injector")
                .doesNotContain("MarkedEnvironment", "UnmarkedProvider", "ExtensionPoint");
    }

    @Test
    void theNumericsCallingTheRuntimeFailTheLayeringRule() {
        String report = joined(RULES.pluginsDoNotDependOnTheRuntime());

        assertThat(report).contains(ROOT + ".numerics.Kernels.sessionName()", ROOT + ".runtime.lifecycle.Session")
                .doesNotContain("GridEnvironment", "BusLayer");
    }

    @Test
    void guiceInTheApiAndVertxInALayerFailTheNumericsRule() {
        String report = joined(RULES.numericsAreFreeOfGuiceAndVertx());

        assertThat(report).contains(ROOT + ".api.env.InjectedSpace", "com.google.inject.Injector")
                .contains(ROOT + ".policies.layers.BusLayer", "io.vertx.core.Vertx")
                .doesNotContain("Kernels");
    }

    @Test
    void vertxOutsideTheBusAndItsEndsFailsButItsJsonValuesDoNot() {
        String report = joined(RULES.vertxOnlyInTheBusAndItsEnds());

        assertThat(report).contains(ROOT + ".policies.layers.BusLayer", "io.vertx.core.Vertx")
                .doesNotContain("Mailbox", "JsonReport");
    }

    @Test
    void anApiInterfaceImplementedOutsideTheApiWithoutTheMarkFails() {
        List<String> violations = violations(RULES.implementedApiInterfacesAreExtensionPoints());

        assertThat(violations).singleElement().asString().contains(ROOT + ".api.env.UnmarkedProvider");
    }

    @Test
    void theMarkOnARecordFails() {
        List<String> violations = violations(RULES.onlyApiInterfacesAreExtensionPoints());

        assertThat(String.join("\n", violations)).contains(ROOT + ".api.env.MarkedValue").doesNotContain("MarkedEnvironment");
    }

    @Test
    void aRowVectorOperationFailsTheBroadcastRuleButAnElementwiseProductDoesNot() {
        List<String> violations = violations(RULES.noNd4jBroadcasts());

        assertThat(violations).singleElement().asString().contains(ROOT + ".policies.heads.Scaling.byRow", "mulRowVector")
                .doesNotContain("byElement");
    }
}
