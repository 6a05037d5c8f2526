package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** Writes part of an open item (optionally one line) off to an alternative account (afskriv). A transactionType lets a posting definition add generated lines. */
public record BookWriteOff(String openItemId, String writeOffId, LocalDate postingDate, String text, String account, Money amount, String lineId, String transactionType) {

    public BookWriteOff(String openItemId, String writeOffId, LocalDate postingDate, String text, String account, Money amount, String lineId) {
        this(openItemId, writeOffId, postingDate, text, account, amount, lineId, null);
    }
}
