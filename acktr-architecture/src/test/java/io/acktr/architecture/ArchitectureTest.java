package io.acktr.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of {@link AcktrArchitecture} on the production classes of every module (test classes
 * excluded), as compiled in this repository. Run with the modules it checks, so that it sees their
 * current classes: {@code mvn -pl acktr-architecture -am test}.
 */
@AnalyzeClasses(packages = "io.acktr", importOptions = {ImportOption.DoNotIncludeTests.class, OnlyThisRepository.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule noPackageCycles = AcktrArchitecture.PRODUCTION.noPackageCycles();

    @ArchTest
    static final ArchRule apiDependsOnlyOnNd4jAndConfig = AcktrArchitecture.PRODUCTION.apiDependsOnlyOnNd4jAndConfig();

    @ArchTest
    static final ArchRule pluginsDoNotDependOnTheRuntime = AcktrArchitecture.PRODUCTION.pluginsDoNotDependOnTheRuntime();

    @ArchTest
    static final ArchRule numericsAreFreeOfGuiceAndVertx = AcktrArchitecture.PRODUCTION.numericsAreFreeOfGuiceAndVertx();

    @ArchTest
    static final ArchRule vertxOnlyInTheBusAndItsEnds = AcktrArchitecture.PRODUCTION.vertxOnlyInTheBusAndItsEnds();

    @ArchTest
    static final ArchRule implementedApiInterfacesAreExtensionPoints =
            AcktrArchitecture.PRODUCTION.implementedApiInterfacesAreExtensionPoints();

    @ArchTest
    static final ArchRule noNd4jBroadcasts = AcktrArchitecture.PRODUCTION.noNd4jBroadcasts();

    @ArchTest
    static final ArchRule onlyApiInterfacesAreExtensionPoints = AcktrArchitecture.PRODUCTION.onlyApiInterfacesAreExtensionPoints();
}
