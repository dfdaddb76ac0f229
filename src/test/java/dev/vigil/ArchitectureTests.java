package dev.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules where Spring Modulith is silent (style.md, "Tests"). */
@AnalyzeClasses(packages = "dev.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule modulesHaveNoCycles = slices().matching("dev.vigil.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheIncidentModuleKnowsFlowable = noClasses()
            .that().resideOutsideOfPackage("dev.vigil.incident..")
            .should().dependOnClassesThat().resideInAPackage("org.flowable..");

    @ArchTest
    static final ArchRule awsSdkOnlyInNotificationAndMetrics = noClasses()
            .that().resideOutsideOfPackages("dev.vigil.notification..", "dev.vigil.metrics..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule viewsNeverTouchRepositoriesOrEngines = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.flowable..", "org.quartz..",
                    "org.springframework.jdbc..");
}
