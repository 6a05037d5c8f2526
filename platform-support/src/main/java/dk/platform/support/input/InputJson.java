package dk.platform.support.input;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The strict reader of what senders write ({@link StrictJson}): the REST bodies of every app use
 * it, and so must every reader of commands from Kafka. A holder, not an ObjectMapper bean, so the
 * application's own mapper (events, views) stays the one injected everywhere else.
 */
public record InputJson(ObjectMapper mapper) {
}
