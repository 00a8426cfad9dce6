package io.cti.pbxsim;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * pbx-sim knows AMI's wire format and nothing of the platform: no other io.cti package, no asterisk-java; the
 * call model knows neither the AMI server in front of it nor the traffic models driving it.
 */
class PbxSimBoundariesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cti.pbxsim");

    @Test
    void usesNoOtherModuleOfThePlatform() {
        noClasses().that().resideInAPackage("io.cti.pbxsim..")
                .should().dependOnClassesThat(resideInAPackage("io.cti..")
                        .and(resideOutsideOfPackage("io.cti.pbxsim..")))
                .allowEmptyShould(false)
                .check(PRODUCTION);
    }

    @Test
    void doesNotUseAsteriskJava() {
        noClasses().that().resideInAPackage("io.cti.pbxsim..")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
                .allowEmptyShould(false)
                .check(PRODUCTION);
    }

    @Test
    void theTrafficModelsDriveThePbxWithoutKnowingTheAmiServer() {
        noClasses().that().resideInAPackage("io.cti.pbxsim.traffic..")
                .should().dependOnClassesThat().resideInAPackage("io.cti.pbxsim.ami..")
                .allowEmptyShould(false)
                .check(PRODUCTION);
    }

    @Test
    void theCallModelDoesNotKnowTheTrafficModels() {
        noClasses().that().resideInAnyPackage("io.cti.pbxsim.calls..", "io.cti.pbxsim.clock..")
                .should().dependOnClassesThat().resideInAPackage("io.cti.pbxsim.traffic..")
                .allowEmptyShould(false)
                .check(PRODUCTION);
    }

    @Test
    void theCallModelDoesNotKnowTheAmiServer() {
        noClasses().that().resideInAnyPackage("io.cti.pbxsim.calls..", "io.cti.pbxsim.clock..")
                .should().dependOnClassesThat().resideInAPackage("io.cti.pbxsim.ami..")
                .allowEmptyShould(false)
                .check(PRODUCTION);
    }
}
