package dk.platform.ledger.debt;

import dk.platform.ledger.admin.RebuildableView;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.infra.mongo.ViewCollections;
import dk.platform.ledger.konto.KontoQueries;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The 61.50 view for the admin: its collections, a projection into a new generation, and SPEC §5 read on its documents. */
@Component
class DebtViewAdmin implements RebuildableView {

    private final MongoTemplate mongo;
    private final KontoQueries konto;
    private final DebtAccounts accounts;

    DebtViewAdmin(MongoTemplate mongo, KontoQueries konto, DebtAccounts accounts) {
        this.mongo = mongo;
        this.konto = konto;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return DebtProjection.NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(DebtView.COLLECTION, DebtProjection.BY_EMPLOYEE);
    }

    @Override
    public Object projectionInto(int generation) {
        return new DebtProjection(mongo, () -> generation);
    }

    /** Per debt: outstanding = arisen - offset - paid - writtenOff, never below zero; in all: outstanding = the balance of 61.50 (konto view). */
    @Override
    public List<Invariant> invariants(int generation) {
        List<String> arithmetic = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        Money[] outstanding = {Money.ZERO};
        long[] debts = {0};
        try (Stream<DebtView> all = mongo.stream(new Query(), DebtView.class, ViewCollections.name(DebtView.COLLECTION, generation))) {
            all.forEach(d -> {
                debts[0]++;
                Money expected = d.arisen.minus(d.offset).minus(d.paid).minus(d.writtenOff);
                if (!expected.equals(d.outstanding)) {
                    arithmetic.add(d.debtId + " outstanding " + d.outstanding + ", expected " + expected);
                }
                if (d.outstanding.isNegative()) {
                    negative.add(d.debtId + " outstanding " + d.outstanding);
                }
                outstanding[0] = outstanding[0].plus(d.outstanding);
            });
        }
        String account = accounts.debtAccount();
        Money balance = konto.account(account, null).map(KontoQueries.AccountView::balance).orElse(Money.ZERO);
        return List.of(
                Invariant.of("outstanding = arisen - offset - paid - writtenOff", debts[0], "debts", arithmetic),
                Invariant.of("outstanding never below zero", debts[0], "debts", negative),
                new Invariant("the sum of outstanding debts = the balance of " + account + " (konto view)", outstanding[0].equals(balance),
                        "outstanding " + outstanding[0] + ", balance of " + account + " " + balance));
    }
}
