package dk.platform.payroll.employer;

import dk.platform.payroll.setup.Field;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static dk.platform.payroll.setup.SetupInput.by;

@RestController
@Tag(name = "Payroll setup", description = "Wage types, sorting codes and the history of every setup change")
class SortingCodeController {

    private final EmployerService setup;
    private final Employers employers;

    SortingCodeController(EmployerService setup, Employers employers) {
        this.setup = setup;
        this.employers = employers;
    }

    record SortingCodeInput(String description, List<Field> fields, Boolean pageBreak) {
    }

    @GetMapping("/api/sorting-codes")
    @Operation(summary = "All sorting codes")
    List<SortingCode> sortingCodes() {
        return employers.sortingCodes();
    }

    @GetMapping("/api/sorting-codes/{code}")
    @Operation(summary = "One sorting code")
    SortingCode sortingCode(@PathVariable String code) {
        return setup.sortingCode(code);
    }

    @PutMapping("/api/sorting-codes/{code}")
    @Operation(summary = "Creates or changes a sorting code: {description, fields: [field keys in order], pageBreak}")
    ResponseEntity<SortingCode> putSortingCode(@PathVariable String code, @RequestBody SortingCodeInput body) {
        return setup.putSortingCode(code, body.description(), body.fields(), Boolean.TRUE.equals(body.pageBreak()), by())
                .response("/api/sorting-codes/" + code);
    }
}
