package dk.platform.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIssuerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aTokenPerRoleIsSignedByTheIssuersKeyForOurAudienceAndExpiresIn12Hours() throws Exception {
        LocalIssuer issuer = LocalIssuer.in(data);
        for (String role : LocalIssuer.ROLES) {
            String[] parts = issuer.token(role).split("\\.");
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(issuer.publicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertThat(claims.get("sub").asText()).isEqualTo("local-" + role);
            assertThat(claims.get("roles").get(0).asText()).isEqualTo(role);
            assertThat(claims.get("aud").asText()).isEqualTo("ledger-platform");
            assertThat(claims.get("iss").asText()).isEqualTo("ledger-platform-local");
            assertThat(claims.get("exp").asLong() - Instant.now().getEpochSecond()).isBetween(12 * 3600L - 60, 12 * 3600L);
        }
    }

    @Test
    void keysAndSecretsAreKeptInTheDataFolderForTheOwnerOnlyAndTheAppsGetOnlyHashesAndThePublicKey() throws Exception {
        LocalIssuer first = LocalIssuer.in(data);
        Path credentials = first.writeCredentials();
        LocalIssuer again = LocalIssuer.in(data);
        assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(again.apiKey("poster")).isEqualTo(first.apiKey("poster")).isNotEqualTo(first.apiKey("auditor"));
        assertThat(again.ledgerEnvironment()).isEqualTo(first.ledgerEnvironment());
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(credentials)).filteredOn(l -> l.startsWith("TOKEN_") || l.startsWith("API_KEY_")).hasSize(11);

        String apps = first.appEnvironment().toString();
        assertThat(apps).doesNotContain(first.apiKey("poster")).contains(LocalIssuer.sha256(first.apiKey("poster")));
        assertThat(first.senderEnvironment("payroll").get("PLATFORM_SECURITY_KAFKA_SENDER_SECRET"))
                .isEqualTo(first.ledgerEnvironment().get("PLATFORM_SECURITY_KAFKA_SENDERS_PAYROLL_SECRET"));
    }
}
