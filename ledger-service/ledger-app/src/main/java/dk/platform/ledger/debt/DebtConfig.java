package dk.platform.ledger.debt;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.RecordComponent;

@Configuration
class DebtConfig {

    @Bean
    DebtAccounts debtAccounts(@Value("${ledger.debts.account:61.50}") String debtAccount,
                              @Value("${ledger.debts.write-off-account:22.91}") String writeOffAccount) {
        return new DebtAccounts(debtAccount, writeOffAccount);
    }

    private static final CommandTargetResolver ANNOTATED = AnnotationCommandTargetResolver.builder().build();

    /**
     * Debt commands are records of the published language (no Axon annotations there): their
     * debtId names the debt. Axon also takes this bean as every aggregate's resolver, so any
     * other command is resolved by its annotations as usual.
     */
    @Bean
    CommandTargetResolver debtTargetResolver() {
        return DebtConfig::debtOf;
    }

    static VersionedAggregateIdentifier debtOf(CommandMessage<?> command) {
        Object payload = command.getPayload();
        for (RecordComponent c : payload.getClass().getRecordComponents()) {
            if (c.getName().equals("debtId")) {
                try {
                    Object id = c.getAccessor().invoke(payload);
                    if (id == null) {
                        throw new dk.platform.ledger.domain.LedgerException.Invalid("debtId is required");
                    }
                    return new VersionedAggregateIdentifier(id.toString(), null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ANNOTATED.resolveTarget(command);
    }
}
