package com.smplat.providerautomation;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.smplat.providerautomation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.smplat.providerautomation.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule supportKnowsNoOtherPackage = noClasses().that().resideInAPackage("..support..")
            .should().dependOnClassesThat().resideInAnyPackage("..cli..", "..config..", "..api..", "..history..",
                    "..demo..", "..sandbox..", "..replay..", "..alerts..", "..reporting..", "..exports..");

    @ArchTest
    static final ArchRule domainNeverImportsApiOrCli = noClasses()
            .that().resideInAnyPackage("..history..", "..demo..", "..sandbox..", "..replay..", "..alerts..", "..reporting..",
                    "..config..", "..exports..")
            .should().dependOnClassesThat().resideInAnyPackage("..api..", "..cli..");

    /** The alert logic reads the snapshot (history), settings and helpers only; never another capability. */
    @ArchTest
    static final ArchRule alertsStayOutOfOtherCapabilities = noClasses().that().resideInAPackage("..alerts..")
            .should().dependOnClassesThat().resideInAnyPackage("..replay..", "..demo..", "..sandbox..");

    /** Exports read the follow-up table and the run history only; never the replay or alert logic. */
    @ArchTest
    static final ArchRule exportsStayOutOfOtherCapabilities = noClasses().that().resideInAPackage("..exports..")
            .should().dependOnClassesThat().resideInAnyPackage("..replay..", "..alerts..", "..demo..", "..sandbox..");

    /** Domain beans stay plain functions: meters live in the metrics package, called from the routes. */
    @ArchTest
    static final ArchRule onlyTheMetricsPackageKnowsMicrometer = noClasses().that().resideOutsideOfPackage("..metrics..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..");
}
