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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

class PostingDefinitionTest {

    static final List<DefinitionRow> ROWS = List.of(new DefinitionRow(AccountStructure.EXPENSE, "", 1,
            List.of(new GeneratedEntry("-36300", GeneratedSide.SAME), new GeneratedEntry("-36350", GeneratedSide.BALANCE))));
    static final RegisterPostingDefinition BUDGET = new RegisterPostingDefinition("BUDGET", "BUDGET_ORIGINAL", null, ROWS);

    AggregateTestFixture<PostingDefinition> fixture;
    /** The active definitions other than the one under test: "type/class" ("" for none) → definitionId. */
    final Map<String, String> others = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PostingDefinition.class);
        fixture.registerInjectableResource((PostingDefinition.ActiveDefinitions) (type, fundClass, definitionId) -> {
            String holder = others.get(type + "/" + (fundClass == null ? "" : fundClass));
            return definitionId.equals(holder) ? null : holder;
        });
    }

    @Test
    void aSecondActiveDefinitionForTheSameTypeAndClassIsAConflictNamingTheFirst() {
        others.put("BUDGET_ORIGINAL/", "BUDGET-A");
        fixture.givenNoPriorActivity()
                .when(PostingDefinition.Create.of(BUDGET))
                .expectNoEvents().expectException(LedgerException.Conflict.class)
                .expectExceptionMessage(containsString("posting definition BUDGET-A is already the active BUDGET_ORIGINAL definition"
                        + " for every fund class (no fundClass)"));
        others.put("BUDGET_ORIGINAL/GOVERNMENTAL", "BUDGET-GOV");
        fixture.givenNoPriorActivity()
                .when(PostingDefinition.Create.of(new RegisterPostingDefinition("BUDGET", "BUDGET_ORIGINAL", "GOVERNMENTAL", ROWS)))
                .expectException(LedgerException.Conflict.class)
                .expectExceptionMessage(containsString("BUDGET-GOV is already the active BUDGET_ORIGINAL definition for fund class GOVERNMENTAL"));
    }

    @Test
    void aDefinitionForOneClassMayStandBesideTheOneForEveryClass() {
        others.put("BUDGET_ORIGINAL/", "BUDGET-A");
        fixture.givenNoPriorActivity()
                .when(PostingDefinition.Create.of(new RegisterPostingDefinition("BUDGET", "BUDGET_ORIGINAL", "PROPRIETARY", ROWS)))
                .expectEvents(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", "PROPRIETARY", ROWS));
    }

    @Test
    void changingADefinitionToATypeAndClassAnotherHoldsIsAConflict() {
        others.put("BUDGET_ORIGINAL/GOVERNMENTAL", "BUDGET-GOV");
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS))
                .when(PostingDefinition.Change.of(new RegisterPostingDefinition("BUDGET", "BUDGET_ORIGINAL", "GOVERNMENTAL", ROWS)))
                .expectNoEvents().expectException(LedgerException.Conflict.class)
                .expectExceptionMessage(containsString("BUDGET-GOV is already the active BUDGET_ORIGINAL definition for fund class GOVERNMENTAL"));
    }

    @Test
    void postingARetiredDefinitionAgainIsGoneAndSaysThatPutReactivatesIt() {
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS), new PostingDefinitionRetired("BUDGET", 1))
                .when(PostingDefinition.Create.of(BUDGET))
                .expectNoEvents().expectException(LedgerException.Gone.class)
                .expectExceptionMessage(containsString("posting definition BUDGET was retired (version 1) and stays retired;"
                        + " to use it again, PUT /api/posting-definitions/BUDGET"));
    }

    @Test
    void aChangeReactivatesARetiredDefinitionAsANewVersionUnlessAnotherHoldsItsPlace() {
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS), new PostingDefinitionRetired("BUDGET", 1))
                .when(PostingDefinition.Change.of(BUDGET))
                .expectEvents(new PostingDefinitionRegistered("BUDGET", 2, "BUDGET_ORIGINAL", null, ROWS));
        others.put("BUDGET_ORIGINAL/", "BUDGET-NEW");
        fixture.given(new PostingDefinitionRegistered("BUDGET", 1, "BUDGET_ORIGINAL", null, ROWS), new PostingDefinitionRetired("BUDGET", 1))
                .when(PostingDefinition.Change.of(BUDGET))
                .expectException(LedgerException.Conflict.class)
                .expectExceptionMessage(containsString("BUDGET-NEW is already the active BUDGET_ORIGINAL definition"));
    }

    @Test
    void aDefinitionIdFollowsTheSharedIdRule() {
        assertThatThrownBy(() -> PostingDefinition.Create.of(new RegisterPostingDefinition("..", "BUDGET_ORIGINAL", null, ROWS)))
                .isInstanceOf(LedgerException.Invalid.class).hasMessageContaining("definitionId '..' is not a valid id");
        assertThatThrownBy(() -> PostingDefinition.Change.of(new RegisterPostingDefinition("a/b", "BUDGET_ORIGINAL", null, ROWS)))
                .isInstanceOf(LedgerException.Invalid.class).hasMessageContaining("definitionId 'a/b' is not a valid id");
        fixture.givenNoPriorActivity()
                .when(PostingDefinition.Create.of(new RegisterPostingDefinition("true", "BUDGET_ORIGINAL", null, ROWS)))
                .expectEvents(new PostingDefinitionRegistered("true", 1, "BUDGET_ORIGINAL", null, ROWS));
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
