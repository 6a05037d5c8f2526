package dk.platform.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code platform.security.*}: who is trusted to say who a caller is. Secrets (the API keys
 * themselves, Kafka signing secrets) come from the environment; hashes and public keys may sit
 * in configuration.
 */
@ConfigurationProperties("platform.security")
public class PlatformSecurityProperties {

    private final Jwt jwt = new Jwt();
    private Map<String, ApiKey> apiKeys = new LinkedHashMap<>();

    public Jwt getJwt() {
        return jwt;
    }

    public Map<String, ApiKey> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(Map<String, ApiKey> apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** Bearer tokens: signed by the issuer's RSA key, for our audience, not expired. */
    public static class Jwt {
        private String issuer = "ledger-platform-local";
        private String audience = "ledger-platform";
        /** The issuer's public key as PEM ({@code -----BEGIN PUBLIC KEY-----}); or: */
        private String publicKey;
        /** the issuer's JWK set, for an organisation's identity provider. */
        private String jwkSetUri;

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public String getPublicKey() {
            return publicKey;
        }

        public void setPublicKey(String publicKey) {
            this.publicKey = publicKey;
        }

        public String getJwkSetUri() {
            return jwkSetUri;
        }

        public void setJwkSetUri(String jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }
    }

    /** A static key: its SHA-256 and its roles. */
    public static class ApiKey {
        private String hash;
        private List<String> roles = new ArrayList<>();

        public String getHash() {
            return hash;
        }

        public void setHash(String hash) {
            this.hash = hash;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }
}
