package dk.platform.ledger.openitem;

import dk.platform.ledger.admin.RebuildableView;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.infra.mongo.ViewCollections;
import dk.platform.ledger.konto.KontoQueries;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The open-item view for the admin: its collections, a projection into a new generation, and SPEC §1.8 read on its documents. */
@Component
class OpenItemViewAdmin implements RebuildableView {

    private final MongoTemplate mongo;
    private final KontoQueries konto;

    OpenItemViewAdmin(MongoTemplate mongo, KontoQueries konto) {
        this.mongo = mongo;
        this.konto = konto;
    }

    @Override
    public String name() {
        return OpenItemProjection.NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(OpenItemView.COLLECTION, OpenItemProjection.PARTIES);
    }

    @Override
    public Object projectionInto(int generation) {
        return new OpenItemProjection(mongo, () -> generation);
    }

    /**
     * Per item: remaining = amount - applied - writtenOff + reversed - cancelled, never past zero, the status that follows,
     * lines that sum to it. And against the live konto view: each control account's balance is its items' remaining
     * (negated for payables), which compares two views and so means something when both have read the same events.
     */
    @Override
    public List<Invariant> invariants(int generation) {
        List<String> arithmetic = new ArrayList<>();
        List<String> pastZero = new ArrayList<>();
        List<String> status = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, Money> perControl = new TreeMap<>();
        long[] items = {0};
        try (Stream<OpenItemView> all = mongo.stream(new Query(), OpenItemView.class, ViewCollections.name(OpenItemView.COLLECTION, generation))) {
            all.forEach(v -> {
                items[0]++;
                Money expected = v.amount.minus(v.applied).minus(v.writtenOff).plus(v.reversed).minus(v.cancelled);
                if (!expected.equals(v.remaining)) {
                    arithmetic.add(v.openItemId + " remaining " + v.remaining + ", expected " + expected);
                }
                if (v.remaining.signum() * v.amount.signum() < 0) {
                    pastZero.add(v.openItemId + " amount " + v.amount + ", remaining " + v.remaining);
                }
                OpenItemView.Status expectedStatus = !v.cancelled.isZero() ? OpenItemView.Status.CANCELLED
                        : v.remaining.isZero() ? OpenItemView.Status.CLOSED : OpenItemView.Status.OPEN;
                if (v.status != expectedStatus) {
                    status.add(v.openItemId + " " + v.status + ", expected " + expectedStatus);
                }
                Money lineSum = v.lines.stream().map(OpenItemView.Line::remaining).reduce(Money.ZERO, Money::plus);
                if (!v.lines.isEmpty() && !lineSum.equals(v.remaining)) {
                    lines.add(v.openItemId + " lines " + lineSum + ", remaining " + v.remaining);
                }
                perControl.merge(v.controlAccount, v.kind == OpenItemKind.RECEIVABLE ? v.remaining : v.remaining.negate(), Money::plus);
            });
        }
        List<String> controls = new ArrayList<>();
        perControl.forEach((account, remaining) -> {
            Money balance = konto.account(account, null).map(KontoQueries.AccountView::balance).orElse(Money.ZERO);
            if (!balance.equals(remaining)) {
                controls.add(account + " balance " + balance + ", items' remaining " + remaining);
            }
        });
        return List.of(
                Invariant.of("remaining = amount - applied - writtenOff + reversed - cancelled", items[0], "items", arithmetic),
                Invariant.of("remaining never passes zero", items[0], "items", pastZero),
                Invariant.of("status follows remaining and cancellation (OPEN, CLOSED, CANCELLED)", items[0], "items", status),
                Invariant.of("an item's lines sum to its remaining amount", items[0], "items", lines),
                Invariant.of("each control account's balance (konto view) = its items' remaining", perControl.size(), "control accounts", controls));
    }
}
