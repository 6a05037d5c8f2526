package dk.platform.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dk.platform.ledger.account.Account;
import dk.platform.ledger.entry.JournalEntry;
import dk.platform.ledger.party.Party;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md §4.6: domain code (the aggregates, their rules, the published language) has no Spring, Mongo, Kafka or JDBC in it. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.platform.ledger");

    static final String[] INFRASTRUCTURE = {"org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..", "java.sql..",
            "jakarta.servlet.."};

    @Test
    void domainCodeHasNoInfrastructureImports() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("dk.platform.ledger.domain..", "dk.platform.ledger.api..")
                .or().belongToAnyOf(JournalEntry.class, Account.class, Party.class)
                .or().haveNameMatching("dk\\.platform\\.ledger\\.entry\\.(OpenItemState|InternalCommands).*")
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE);
        rule.check(CLASSES);
    }

    @Test
    void controllersOnlyTalkToTheLedgerThroughCommandsAndQueries() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Projection")
                .orShould().dependOnClassesThat().haveSimpleName("JournalEntry")
                .check(CLASSES);
    }
}
