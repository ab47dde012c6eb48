package io.acktr.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SourceImports} on the fixture sources in {@code src/test/resources/source-fixture}. */
class SourceImportsTest {
    private static final SourceImports FIXTURE = SourceImports.read(List.of(Path.of("src/test/resources/source-fixture")), "fixture");

    @Test
    void aCycleThroughAnInlinedConstantIsFoundWithTheImportsClosingIt() {
        assertThat(FIXTURE.cycles()).containsExactly("""
                Cycle between packages curvature, policy:
                  curvature.Gradient:3 imports fixture.policy.ParameterBlock
                  policy.BackwardPass:3 imports fixture.curvature.Statistics
                  policy.BackwardPass:4 imports fixture.curvature.Statistics""");
    }

    @Test
    void aPackageThatOnlyDependsOnACycleIsNotPartOfIt() {
        assertThat(FIXTURE.cycles()).noneMatch(cycle -> cycle.contains("step"));
        assertThat(FIXTURE.imports()).extracting(SourceImports.Import::toPackage)
                .contains("fixture.policy");
    }

    @Test
    void theImportedPackageEndsBeforeTheFirstTypeName() {
        assertThat(SourceImports.packageOf("io.acktr.api.policy.ParameterBlock")).isEqualTo("io.acktr.api.policy");
        assertThat(SourceImports.packageOf("io.acktr.runtime.bench.UpdateCostBenchmark.Variant")).isEqualTo("io.acktr.runtime.bench");
        assertThat(SourceImports.packageOf("io.acktr.api.policy")).isEqualTo("io.acktr.api.policy");
    }
}
