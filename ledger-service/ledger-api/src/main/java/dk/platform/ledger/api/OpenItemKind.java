package dk.platform.ledger.api;

/** RECEIVABLE (debitor: someone owes us) or PAYABLE (kreditor: we owe). */
public enum OpenItemKind {
    RECEIVABLE, PAYABLE
}
