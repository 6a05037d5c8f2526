package dk.platform.support.kafka;

/**
 * Thrown by a listener for a record that is itself bad (not readable JSON, not the published
 * contract, no id to answer under): another delivery would read it the same way, so the error
 * handler parks it in the dead-letter topic at once, without retries, with this message as the
 * reason ({@link KafkaErrorHandling}). The message is cut to a bounded length, so that a huge
 * bad value quoted in it cannot make the dead letter too large to send.
 */
public class PoisonRecord extends RuntimeException {

    public PoisonRecord(String reason) {
        super(BoundedText.cap(reason, BoundedText.MAX_DETAIL));
    }

    public PoisonRecord(String reason, Throwable cause) {
        super(BoundedText.cap(reason, BoundedText.MAX_DETAIL), cause);
    }
}
