package dk.platform.payroll;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * DESIGN.md §4: the posting rules and the voucher outputs use no frameworks; the ledger is reached only through ledger-api
 * and Kafka; the packages have no cycles, and the shared setup package knows none of the setup features built on it.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dk.platform.payroll");

    @Test
    void thePostingRulesAndTheVoucherOutputsUseNoFrameworks() {
        noClasses().that().resideInAnyPackage("dk.platform.payroll.posting", "dk.platform.payroll.voucher")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.apache.kafka..", "com.fasterxml.jackson..", "jakarta..")
                .check(CLASSES);
    }

    @Test
    void nothingCallsTheLedgerOverHttpOrUsesItsInsides() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..",
                        "org.springframework.web.reactive.function.client..", "java.net.http..")
                .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dk.platform.ledger..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("dk.platform.ledger.api..")))
                .check(CLASSES);
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("dk.platform.payroll.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSharedSetupKnowsNoSetupFeature() {
        noClasses().that().resideInAPackage("dk.platform.payroll.setup")
                .should().dependOnClassesThat().resideInAnyPackage("dk.platform.payroll.chart..", "dk.platform.payroll.employer..",
                        "dk.platform.payroll.wagetype..")
                .check(CLASSES);
    }
}
