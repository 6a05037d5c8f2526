package dk.platform.settlement.statement.intake;

/** The statement id is taken by a statement with another body (answered 409). */
public class StatementConflict extends RuntimeException {

    public StatementConflict(String message) {
        super(message);
    }
}
