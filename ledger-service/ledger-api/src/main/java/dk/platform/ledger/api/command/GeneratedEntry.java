package dk.platform.ledger.api.command;

import dk.platform.ledger.api.GeneratedSide;

/**
 * A line a definition row generates: {@code account} is a full account, or a segment pattern
 * whose blank segments are taken from the matched line ({@code -36300}); {@code side} SAME or
 * BALANCE (the opposite of the matched line). Its amount is the matched line's.
 */
public record GeneratedEntry(String account, GeneratedSide side) {
}
