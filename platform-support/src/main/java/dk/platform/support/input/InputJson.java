package dk.platform.support.input;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.LocalDate;

/**
 * The strict reader of what senders write ({@link StrictJson}): the REST bodies of every app use
 * it, and so must every reader of commands from Kafka. A holder, not an ObjectMapper bean, so the
 * application's own mapper (events, views) stays the one injected everywhere else. {@link #date}
 * applies the same date rule to dates that arrive as text (CSV files, query parameters).
 */
public record InputJson(ObjectMapper mapper, StrictJson.DateRange dates) {

    public InputJson(ObjectMapper mapper) {
        this(mapper, StrictJson.DateRange.DEFAULT);
    }

    /** A date written as text: {@code yyyy-MM-dd} within {@link #dates}, or an IllegalArgumentException saying why not. */
    public LocalDate date(String text) {
        return StrictJson.date(text, dates);
    }
}
