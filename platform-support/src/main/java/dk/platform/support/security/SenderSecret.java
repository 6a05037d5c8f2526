package dk.platform.support.security;

import org.springframework.core.env.Environment;

/**
 * The secret a sending service signs its records of {@code ledger.commands} with (issue 10):
 * {@code platform.security.kafka.sender-secret} (env {@code PLATFORM_SECURITY_KAFKA_SENDER_SECRET}),
 * else {@code platform.security.kafka.senders.<id>.secret}, the ledger's entry for that sender
 * (so one configuration can serve both ends, as the tests do). A service without one does not start:
 * every command it sent would be refused.
 */
public final class SenderSecret {

    private SenderSecret() {
    }

    public static String of(Environment environment, String senderId) {
        String secret = environment.getProperty("platform.security.kafka.sender-secret");
        if (secret == null || secret.isBlank()) {
            secret = environment.getProperty("platform.security.kafka.senders." + senderId + ".secret");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("no Kafka signing secret for sender '" + senderId + "': set"
                    + " PLATFORM_SECURITY_KAFKA_SENDER_SECRET (platform.security.kafka.sender-secret) to the secret the ledger"
                    + " has for it (platform.security.kafka.senders." + senderId + ".secret); the ledger refuses unsigned commands");
        }
        return secret;
    }
}
