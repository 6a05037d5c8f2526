package dk.platform.payroll.setup;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One setup change: the setup revision it made, when, by whom (the authenticated subject), what kind of
 * object and which one ({@code key}), the action, and the full object after the change.
 */
public record HistoryEntry(long revision, Instant at, String by, String kind, String key, String action, JsonNode after) {
}
