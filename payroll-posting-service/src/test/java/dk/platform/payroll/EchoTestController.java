package dk.platform.payroll;

import dk.platform.support.security.AccessRules;
import dk.platform.support.security.Role;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
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

    /** The app's access rules refuse every path they do not name; this opens the echo (and only it) to the test identities. */
    @Component
    static class EchoAccess implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof AccessRules rules) {
                rules.allow(null, "/test/echo", Role.ADMIN, Role.values());
            }
            return bean;
        }
    }
}
