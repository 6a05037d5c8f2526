package dk.platform.ledger.definition;

import dk.platform.ledger.api.AccountStructure;
import dk.platform.ledger.api.GeneratedSide;
import dk.platform.ledger.api.command.DefinitionRow;
import dk.platform.ledger.api.command.GeneratedEntry;
import dk.platform.ledger.api.command.RegisterPostingDefinition;
import dk.platform.ledger.api.event.PostingDefinitionRegistered;
import dk.platform.ledger.api.event.PostingDefinitionRetired;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.CommandOutcome;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;

class PostingDefinitionTest {

    static final List<DefinitionRow> ROWS = List.of(new DefinitionRow(AccountStructure.EXPENSE, "", 1,
            List.of(new GeneratedEntry("-36300", GeneratedSide.SAME), new GeneratedEntry("-36350", GeneratedSide.BALANCE))));
    static final RegisterPostingDefinition BUDGET = new RegisterPostingDefinition("BUDGET", "BUDGET_ORIGINAL", null, ROWS);

    AggregateTestFixture<PostingDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PostingDefinition.class);
    }

    @Test
    void aNewDefinitionIsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(PostingDefinition.Create.of(BUDGET))
                .expectEvents(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS));
    }

    @Test
    void creatingTheSameDefinitionAgainChangesNothingAndAnotherOneIsAConflict() {
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS))
                .when(PostingDefinition.Create.of(BUDGET))
                .expectNoEvents().expectResultMessagePayload(CommandOutcome.REPLAYED);
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS))
                .when(PostingDefinition.Create.of(new RegisterPostingDefinition("BUDGET", "BUDGET_ORIGINAL", "GOVERNMENTAL", ROWS)))
                .expectException(LedgerException.Conflict.class);
    }

    @Test
    void aChangeIsANewVersion() {
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS))
                .when(PostingDefinition.Change.of(new RegisterPostingDefinition("BUDGET", "BUDGET_ORIGINAL", "GOVERNMENTAL", ROWS)))
                .expectEvents(new PostingDefinitionRegistered("BUDGET", 2, "BUDGET_ORIGINAL", "GOVERNMENTAL", ROWS));
    }

    @Test
    void aDefinitionIsRetiredOnce() {
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS))
                .when(new PostingDefinition.Retire("definition:BUDGET"))
                .expectEvents(new PostingDefinitionRetired("BUDGET", 1));
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS), new PostingDefinitionRetired("BUDGET", 1))
                .when(new PostingDefinition.Retire("definition:BUDGET"))
                .expectException(LedgerException.RuleViolation.class);
    }

    @Test
    void anUnknownTransactionTypeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(PostingDefinition.Create.of(new RegisterPostingDefinition("X", "BUDGET_REVISED", null, ROWS)))
                .expectException(LedgerException.Invalid.class)
                .expectExceptionMessage(containsString("transactionType 'BUDGET_REVISED' is unknown"));
    }

    @Test
    void aMaskWithTooManySegmentsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(PostingDefinition.Create.of(new RegisterPostingDefinition("X", "ADVANCED_ENTRY", null,
                        List.of(new DefinitionRow(AccountStructure.ANY, "1-2-3-4-5-6", 1, List.of())))))
                .expectException(LedgerException.Invalid.class)
                .expectExceptionMessage(containsString("has 6 segments"));
    }

    @Test
    void aRowNeedsAPriorityOfOneOrMore() {
        fixture.givenNoPriorActivity()
                .when(PostingDefinition.Create.of(new RegisterPostingDefinition("X", "ADVANCED_ENTRY", null,
                        List.of(new DefinitionRow(AccountStructure.ANY, "", 0, List.of())))))
                .expectException(LedgerException.Invalid.class)
                .expectExceptionMessage(containsString("priority must be 1 or more"));
    }
}
