package dk.platform.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Closes the test's Spring context when the whole test run ends, instead of in a JVM shutdown
 * hook. In a shutdown hook it races Kafka's own hook that deletes the embedded broker's log
 * directory (and the Mongo-wire server's hook), so the broker fails its last checkpoint write,
 * logs "all log dirs have failed" and calls Exit.halt (spring-kafka#3225).
 */
public class CloseContextsBeforeJvmExit implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CloseContextsBeforeJvmExit.class);

    @Override
    public void beforeAll(ExtensionContext extension) {
        ApplicationContext context = SpringExtension.getApplicationContext(extension);
        if (context instanceof ConfigurableApplicationContext closeable) {
            extension.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(context,
                    c -> (ExtensionContext.Store.CloseableResource) closeable::close,
                    ExtensionContext.Store.CloseableResource.class);
        }
    }
}
