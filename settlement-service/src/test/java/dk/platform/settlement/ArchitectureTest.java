package dk.platform.settlement;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md §4: domain code has no framework imports; the service knows the ledger only through ledger-api and Kafka. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dk.platform.settlement");

    @Test
    void theStatementDomainUsesNoFrameworks() {
        noClasses().that().resideInAPackage("dk.platform.settlement.statement")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "com.fasterxml.jackson..", "jakarta..")
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
    void theSagaSeesTheOutsideOnlyThroughItsPorts() {
        noClasses().that().haveSimpleName("SettlementSaga")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "com.mongodb..",
                        "dk.platform.settlement.infra..", "dk.platform.settlement.statement.store..")
                .check(CLASSES);
    }
}
