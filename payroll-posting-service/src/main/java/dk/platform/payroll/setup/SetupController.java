package dk.platform.payroll.setup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static dk.platform.payroll.setup.ChartController.saved;

@RestController
@Tag(name = "Payroll setup", description = "Wage types, sorting codes and the history of every setup change")
class SetupController {

    private final SetupService setup;
    private final SetupStore store;

    SetupController(SetupService setup, SetupStore store) {
        this.setup = setup;
        this.store = store;
    }

    record WageTypeText(String text) {
    }

    record SortingCodeInput(String description, List<Field> fields, Boolean pageBreak) {
    }

    record Revision(long revision) {
    }

    @GetMapping("/api/wage-types")
    @Operation(summary = "The wage-type catalogue")
    List<WageType> wageTypes() {
        return store.wageTypes();
    }

    @PutMapping("/api/wage-types/{code}")
    @Operation(summary = "Creates or renames a wage type: {text}, 1..40 characters")
    ResponseEntity<WageType> putWageType(@PathVariable String code, @RequestBody WageTypeText body) {
        SetupService.Saved<WageType> saved = setup.putWageType(code, body.text(), SetupService.by());
        return saved(saved.created(), "/api/wage-types/" + code, saved.value());
    }

    @GetMapping("/api/sorting-codes")
    @Operation(summary = "All sorting codes")
    List<SortingCode> sortingCodes() {
        return store.sortingCodes();
    }

    @GetMapping("/api/sorting-codes/{code}")
    @Operation(summary = "One sorting code")
    SortingCode sortingCode(@PathVariable String code) {
        return setup.sortingCode(code);
    }

    @PutMapping("/api/sorting-codes/{code}")
    @Operation(summary = "Creates or changes a sorting code: {description, fields: [field keys in order], pageBreak}")
    ResponseEntity<SortingCode> putSortingCode(@PathVariable String code, @RequestBody SortingCodeInput body) {
        SetupService.Saved<SortingCode> saved = setup.putSortingCode(code, body.description(), body.fields(), Boolean.TRUE.equals(body.pageBreak()),
                SetupService.by());
        return saved(saved.created(), "/api/sorting-codes/" + code, saved.value());
    }

    @GetMapping("/api/setup/history")
    @Operation(summary = "Setup changes from a revision on, oldest first (limit 1..1000); page on with from = last revision + 1")
    List<HistoryEntry> history(@RequestParam(defaultValue = "1") long from, @RequestParam(defaultValue = "100") int limit) {
        return setup.history(from, limit);
    }

    @GetMapping("/api/setup/revision")
    @Operation(summary = "The current setup revision (0 before any change)")
    Revision revision() {
        return new Revision(store.revision());
    }
}
