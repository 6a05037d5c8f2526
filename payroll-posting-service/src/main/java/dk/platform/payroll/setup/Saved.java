package dk.platform.payroll.setup;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/** A stored setup object and whether this request created it (201 with its location) or not (200). */
public record Saved<T>(T value, boolean created) {

    public ResponseEntity<T> response(String location) {
        return created ? ResponseEntity.created(URI.create(location)).body(value) : ResponseEntity.ok(value);
    }
}
