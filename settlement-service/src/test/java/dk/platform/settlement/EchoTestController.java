package dk.platform.settlement;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint with a JSON body, so the tests can show how the app answers malformed input
 * before the app has endpoints of its own. Lives in the test sources only; found by the app's
 * component scan because it sits in the app's package.
 */
@RestController
class EchoTestController {

    record Echo(String text, int count) {
    }

    @PostMapping("/test/echo")
    Echo echo(@RequestBody Echo body) {
        return body;
    }
}
