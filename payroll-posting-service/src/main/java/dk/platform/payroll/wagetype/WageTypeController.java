package dk.platform.payroll.wagetype;

import dk.platform.payroll.setup.SetupInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Payroll setup", description = "Wage types, sorting codes and the history of every setup change")
class WageTypeController {

    private final WageTypeService service;
    private final WageTypes wageTypes;

    WageTypeController(WageTypeService service, WageTypes wageTypes) {
        this.service = service;
        this.wageTypes = wageTypes;
    }

    record WageTypeText(String text) {
    }

    @GetMapping("/api/wage-types")
    @Operation(summary = "The wage-type catalogue")
    List<WageType> wageTypes() {
        return wageTypes.wageTypes();
    }

    @PutMapping("/api/wage-types/{code}")
    @Operation(summary = "Creates or renames a wage type: {text}, 1..40 characters")
    ResponseEntity<WageType> putWageType(@PathVariable String code, @RequestBody WageTypeText body) {
        return service.putWageType(code, body.text(), SetupInput.by()).response("/api/wage-types/" + code);
    }
}
