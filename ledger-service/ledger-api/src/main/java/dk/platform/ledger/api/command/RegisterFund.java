package dk.platform.ledger.api.command;

/** A fund: the first segment of an account ({@code 101} in {@code 101-66100-150}) and its class, e.g. GOVERNMENTAL or PROPRIETARY. */
public record RegisterFund(String fund, String name, String fundClass) {
}
