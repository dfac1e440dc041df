package com.mediahub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
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

    /** No class in {@code from} may depend on a class in any of {@code forbidden}. */
    private static void neverDependsOn(String from, String because, String... forbidden) {
        check(noClasses().that().resideInAPackage(from)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden).because(because));
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
        neverDependsOn("..control..", "inside a feature, boundary -> control -> entity, never back", "..boundary..");
    }

    @Test
    void entityNeverDependsOnControlOrBoundary() {
        neverDependsOn("..entity..", "inside a feature, boundary -> control -> entity, never back",
                "..control..", "..boundary..");
    }

    @Test
    void securityDependsOnNothingInTheApplication() {
        check(classes().that().resideInAPackage("com.mediahub.security..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.mediahub.security..", "java..", "jakarta..")
                .because("every feature reads the caller; the caller may read no feature"));
    }

    @Test
    void dependenciesBetweenFeaturesPointOneWay() {
        neverDependsOn("com.mediahub.users..",
                "auth -> users: users announces changes as CDI events and declares what it needs as interfaces",
                "com.mediahub.auth..", "com.mediahub.metrics..");
        neverDependsOn("com.mediahub.audit..",
                "metrics -> audit: audit fires AuditRecord events and knows nobody who counts them",
                "com.mediahub.metrics..", "com.mediahub.auth..", "com.mediahub.users..");
    }

    @Test
    void platformServesFeaturesButKnowsNone() {
        neverDependsOn("com.mediahub.platform..", "platform is the shared plumbing under every feature",
                "com.mediahub.auth..", "com.mediahub.users..", "com.mediahub.databases..", "com.mediahub.metrics..",
                "com.mediahub.audit..", "com.mediahub.system..", "com.mediahub.config..", "com.mediahub.web..",
                "com.mediahub.security..");
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
                .andShould().beAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class)
                .because("DeployedRoutes finds the resources among the CDI beans for the access rules, and one "
                        + "instance serves every request: a request-scoped resource cost 12% of a Bearer request's CPU "
                        + "in Weld creating it (issue 17)"));
    }

    @Test
    void resourcesKeepNoStatePerRequest() {
        check(fields().that().areDeclaredInClassesThat().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .and().areNotStatic()
                .should().beAnnotatedWith(jakarta.inject.Inject.class)
                .because("one resource instance serves all requests at once: only injected (proxied or stateless) beans"));
    }

    /** A call or a method reference that reads the system clock (time zones aside, a Clock argument is fine). */
    private static final DescribedPredicate<JavaAccess<?>> READS_THE_SYSTEM_CLOCK =
            new DescribedPredicate<>("read the system clock") {
                @Override
                public boolean test(JavaAccess<?> access) {
                    String owner = access.getTarget().getOwner().getName();
                    String name = access.getTarget().getName();
                    boolean takesAClock = access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget unit
                            && unit.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Clock.class));
                    return owner.startsWith("java.time.") && name.equals("now") && !takesAClock
                            || owner.equals(Clock.class.getName()) && name.startsWith("system")
                            || owner.equals(System.class.getName()) && name.equals("currentTimeMillis")
                            || owner.equals(java.util.Date.class.getName()) && name.equals("<init>")
                            || owner.equals(java.util.Calendar.class.getName()) && name.equals("getInstance");
                }
            };

    @Test
    void timeComesFromTheInjectedClock() {
        check(noClasses().that().doNotHaveFullyQualifiedName(ClockProducer.class.getName())
                .should().accessTargetWhere(READS_THE_SYSTEM_CLOCK)
                .because("every time decision reads the injected java.time.Clock, so unit tests set the time"));
    }

    @Test
    void onlyMetricsReadTheMonotonicTimer() {
        check(noClasses().that().resideOutsideOfPackage("com.mediahub.metrics..")
                .should().accessTargetWhere(new DescribedPredicate<JavaAccess<?>>("read System.nanoTime") {
                    @Override
                    public boolean test(JavaAccess<?> access) {
                        return access.getTarget().getOwner().isEquivalentTo(System.class)
                                && access.getTarget().getName().equals("nanoTime");
                    }
                })
                .because("System.nanoTime measures durations for the metrics; decisions use the Clock"));
    }

    @Test
    void noStaticState() {
        check(fields().that().areStatic().should().beFinal()
                .because("no static state: what changes lives in a CDI bean"));
    }
}
