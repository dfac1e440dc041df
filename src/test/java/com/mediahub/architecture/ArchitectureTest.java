package com.mediahub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mediahub.platform.time.ClockProducer;

/**
 * The shape of the code (docs/architecture.md), checked on the compiled main classes. Each rule
 * names what it protects; a failure lists every offending dependency.
 */
class ArchitectureTest {

    private static JavaClasses application;

    @BeforeAll
    static void importMainClasses() {
        application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.mediahub");
    }

    private static void check(ArchRule rule) {
        rule.check(application);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        check(slices().matching("com.mediahub.(*)..").namingSlices("feature $1").should().beFreeOfCycles());
    }

    @Test
    void thePartsOfAuthenticationDependOnEachOtherWithoutCycles() {
        check(slices().matching("com.mediahub.auth.(*)..").namingSlices("auth.$1").should().beFreeOfCycles());
    }

    @Test
    void thePartsOfEveryFeatureDependOnEachOtherWithoutCycles() {
        check(slices().matching("com.mediahub.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles());
    }

    @Test
    void controlNeverDependsOnBoundary() {
        check(noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .because("inside a feature, boundary -> control -> entity, never back"));
    }

    @Test
    void entityNeverDependsOnControlOrBoundary() {
        check(noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..")
                .because("inside a feature, boundary -> control -> entity, never back"));
    }

    @Test
    void securityDependsOnNothingInTheApplication() {
        check(noClasses().that().resideInAPackage("com.mediahub.security..")
                .should().dependOnClassesThat().resideInAPackage("com.mediahub..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("com.mediahub.security..", "java..", "jakarta..")
                .because("every feature reads the caller; the caller may read no feature"));
    }

    @Test
    void platformServesFeaturesButKnowsNone() {
        check(noClasses().that().resideInAPackage("com.mediahub.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mediahub.auth..", "com.mediahub.users..",
                        "com.mediahub.databases..", "com.mediahub.metrics..", "com.mediahub.audit..",
                        "com.mediahub.system..", "com.mediahub.config..", "com.mediahub.web..", "com.mediahub.security..")
                .because("platform is the shared plumbing under every feature"));
    }

    @Test
    void configurationReadsConfigTomlOnly() {
        check(noClasses().that().resideInAPackage("com.mediahub.config..")
                .should().dependOnClassesThat().resideOutsideOfPackages("com.mediahub.config..", "com.mediahub.platform..",
                        "java..", "jakarta..", "org.tomlj..")
                .because("config turns config.toml and the environment into settings, and knows no feature"));
    }

    @Test
    void onlyEntityPackagesTalkToTheDatabase() {
        check(noClasses().that().resideOutsideOfPackages("..entity..", "com.mediahub.platform.persistence..", "com.mediahub.system..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .because("a repository per aggregate, in the feature's entity package"));
    }

    @Test
    void repositoriesAreNamedForTheirTechnologyAndLiveWithTheirEntities() {
        check(classes().that().haveSimpleNameEndingWith("Repository")
                .should().haveSimpleNameStartingWith("Jpa").andShould().resideInAPackage("..entity.."));
    }

    @Test
    void resourcesAreBoundaries() {
        check(classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().resideInAPackage("..boundary..")
                .andShould().beAnnotatedWith(jakarta.enterprise.context.RequestScoped.class)
                .because("the access table (EndpointAccess) finds resources among the CDI beans"));
    }

    @Test
    void timeComesFromTheInjectedClock() {
        check(noClasses().that().doNotHaveFullyQualifiedName(ClockProducer.class.getName())
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .because("every time decision reads the injected java.time.Clock, so unit tests set the time"));
    }

    @Test
    void onlyMetricsReadTheMonotonicTimer() {
        check(noClasses().that().resideOutsideOfPackage("com.mediahub.metrics..")
                .should().callMethod(System.class, "nanoTime")
                .because("System.nanoTime measures durations for the metrics; decisions use the Clock"));
    }

    @Test
    void noStaticState() {
        check(fields().that().areStatic().should().beFinal()
                .because("no static state: what changes lives in a CDI bean"));
    }
}
