package dk.platform.payroll.setup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Payroll setup", description = "Wage types, sorting codes and the history of every setup change")
class SetupController {

    private final SetupStore store;

    SetupController(SetupStore store) {
        this.store = store;
    }

    record Revision(long revision) {
    }

    @GetMapping("/api/setup/history")
    @Operation(summary = "Setup changes from a revision on, oldest first (limit 1..1000); page on with from = last revision + 1")
    List<HistoryEntry> history(@RequestParam(defaultValue = "1") long from, @RequestParam(defaultValue = "100") int limit) {
        Violations v = new Violations();
        if (from < 0) {
            v.add("from", "from must be a revision of 0 or more, was " + from);
        }
        if (limit < 1 || limit > 1000) {
            v.add("limit", "limit must be 1..1000, was " + limit);
        }
        v.throwIfAny();
        return store.history(from, limit);
    }

    @GetMapping("/api/setup/revision")
    @Operation(summary = "The current setup revision (0 before any change)")
    Revision revision() {
        return new Revision(store.revision());
    }
}
