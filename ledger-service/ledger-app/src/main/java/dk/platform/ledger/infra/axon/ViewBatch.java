package dk.platform.ledger.infra.axon;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A view's writes for one batch of a tracking processor (DESIGN.md §13): the handlers add their
 * events to the batch, and the batch's last event writes it, inside the handler, so before the
 * processor stores its token (after the handlers: AxonConfig). Every event of a processor's batch
 * reaches a handler (the processor leaves out events no handler takes), so the last one does too.
 * A batch that fails is dropped with its unit of work and comes again whole. Outside a batch (a
 * test calling a handler) each event is written at once.
 */
public final class ViewBatch<B> {

    private final String key = "view-batch@" + System.identityHashCode(this);
    private final Supplier<B> newBatch;
    private final Consumer<B> write;

    public ViewBatch(Supplier<B> newBatch, Consumer<B> write) {
        this.newBatch = newBatch;
        this.write = write;
    }

    public void add(Consumer<B> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            B batch = newBatch.get();
            event.accept(batch);
            write.accept(batch);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        B batch = unitOfWork.root().getOrComputeResource(key, k -> newBatch.get());
        event.accept(batch);
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            unitOfWork.root().resources().remove(key);
            write.accept(batch);
        }
    }
}
