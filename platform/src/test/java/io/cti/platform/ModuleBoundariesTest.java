package io.cti.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.cti.bridge.archfixture.BridgeReachingIntoPlatform;
import io.cti.core.archfixture.CoreKnowingTheRouter;
import io.cti.dialer.archfixture.DialerCallingTheRouter;
import io.cti.pbxsim.archfixture.SimulatorKnowingTheDomain;
import io.cti.router.archfixture.RouterSpeakingAmi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dependency rules of DESIGN.md, checked on the production classes of every module on this test
 * classpath (platform depends on all of them). Each rule is also run against a deliberately violating
 * fixture from the test sources, so a rule that could never fail would be caught, and no rule may pass
 * because it matched no classes ({@code allowEmptyShould(false)}).
 */
class ModuleBoundariesTest {

    /** The roles that must not know each other; they talk through events and commands on the bus. */
    private static final List<String> ROLES = List.of("bridge", "router", "dialer", "console");

    /** Test jars (cti-core's tests classifier) hold test helpers, not production code. */
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages("io.cti");
    }

    static ArchRule onlyTheBridgeKnowsAmi() {
        return noClasses().that().resideOutsideOfPackage("io.cti.bridge..")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
                .because("cti-bridge is the only module that knows AMI")
                .allowEmptyShould(false);
    }

    static ArchRule coreDependsOnNoOtherModule() {
        return noClasses().that().resideInAPackage("io.cti.core..")
                .should().dependOnClassesThat(otherCtiPackagesThan("io.cti.core.."))
                .because("everything may depend on cti-core, so cti-core depends on nothing of the platform")
                .allowEmptyShould(false);
    }

    static ArchRule pbxSimKnowsOnlyItself() {
        return noClasses().that().resideInAPackage("io.cti.pbxsim..")
                .should().dependOnClassesThat(otherCtiPackagesThan("io.cti.pbxsim.."))
                .because("pbx-sim knows AMI's wire format but nothing of the platform's domain")
                .allowEmptyShould(false);
    }

    static ArchRule roleIsIsolated(String role) {
        String[] forbidden = ROLES.stream()
                .filter(other -> !other.equals(role))
                .map(other -> "io.cti." + other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("io.cti." + role + "..")
                .should().dependOnClassesThat(resideInAnyPackage(forbidden).or(resideInAPackage("io.cti.platform..")))
                .because("roles talk through events and commands on the bus, so each can run in its own process,"
                        + " and nothing depends on platform")
                .allowEmptyShould(false);
    }

    static ArchRule nothingDependsOnPlatform() {
        return noClasses().that().resideOutsideOfPackages("io.cti.platform..", "io.cti.bench..")
                .should().dependOnClassesThat().resideInAPackage("io.cti.platform..")
                .because("platform assembles the modules; only the bench harness may use it")
                .allowEmptyShould(false);
    }

    private static DescribedPredicate<JavaClass> otherCtiPackagesThan(String own) {
        return resideInAPackage("io.cti..").and(resideOutsideOfPackage(own))
                .as("classes in io.cti.. outside of " + own);
    }

    @Test
    void onlyTheBridgeKnowsAmiHolds() {
        onlyTheBridgeKnowsAmi().check(production);
    }

    @Test
    void coreDependsOnNoOtherModuleHolds() {
        coreDependsOnNoOtherModule().check(production);
    }

    @Test
    void pbxSimKnowsOnlyItselfHolds() {
        pbxSimKnowsOnlyItself().check(production);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bridge", "router", "dialer", "console"})
    void roleIsIsolatedHolds(String role) {
        roleIsIsolated(role).check(production);
    }

    @Test
    void nothingDependsOnPlatformHolds() {
        nothingDependsOnPlatform().check(production);
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "bridge", "pbxsim", "router", "dialer", "console", "platform"})
    void everyModuleHasProductionClassesToCheck(String module) {
        assertThat(production.that(resideInAPackage("io.cti." + module + "..")))
                .as("classes in io.cti.%s.. (is the module on platform's classpath and not empty?)", module)
                .isNotEmpty();
    }

    @Test
    void testCodeStaysOutOfTheProductionImport() {
        // the fixtures below and cti-core's test jar are on this classpath too; they must not count
        assertThat(production.that(resideInAPackage("..archfixture.."))).isEmpty();
        assertThat(production.that(resideInAPackage("io.cti.core.testing.."))).isEmpty();
    }

    @Test
    void amiOutsideTheBridgeIsReported() {
        assertViolation(onlyTheBridgeKnowsAmi(), RouterSpeakingAmi.class);
    }

    @Test
    void coreDependingOnARoleIsReported() {
        assertViolation(coreDependsOnNoOtherModule(), CoreKnowingTheRouter.class);
    }

    @Test
    void pbxSimUsingTheDomainIsReported() {
        assertViolation(pbxSimKnowsOnlyItself(), SimulatorKnowingTheDomain.class);
    }

    @Test
    void aRoleUsingAnotherRoleIsReported() {
        assertViolation(roleIsIsolated("dialer"), DialerCallingTheRouter.class);
    }

    @Test
    void aRoleUsingPlatformIsReported() {
        assertViolation(roleIsIsolated("bridge"), BridgeReachingIntoPlatform.class);
        assertViolation(nothingDependsOnPlatform(), BridgeReachingIntoPlatform.class);
    }

    @Test
    void aRuleThatMatchesNoClassFailsInsteadOfPassing() {
        JavaClasses onlyPlatform = new ClassFileImporter().importClasses(CtiPlatformApplication.class);

        assertThatThrownBy(() -> pbxSimKnowsOnlyItself().evaluate(onlyPlatform))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    private static void assertViolation(ArchRule rule, Class<?> fixture) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));

        assertThat(result.hasViolation()).as("%s reports %s", rule.getDescription(), fixture.getSimpleName()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(fixture.getName());
    }
}
