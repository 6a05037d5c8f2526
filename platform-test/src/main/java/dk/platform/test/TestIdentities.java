package dk.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identities of the tests (issue 10): a token issuer of their own (an RSA key pair made per
 * test JVM, trusted by every app the tests start), one API key with every role that test clients
 * send by default ({@link TestCredentialsAutoConfiguration}), and the Kafka signing secrets of the
 * two sending services.
 */
public final class TestIdentities {

    public static final String ISSUER = "test-issuer";
    public static final String AUDIENCE = "ledger-platform";
    /** A key with every role; its name, {@code tests}, is the subject the record names. */
    public static final String ALL_ROLES_KEY = "test-all-roles-key-0123456789abcdef";
    public static final String ALL_ROLES_KEY_NAME = "tests";
    public static final String SETTLEMENT_SECRET = "test-settlement-signing-secret";
    public static final String PAYROLL_SECRET = "test-payroll-signing-secret";
    public static final List<String> ROLES = List.of("poster", "auditor", "payroll", "settlement", "admin");

    private static final KeyPair ISSUER_KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();

    private TestIdentities() {
    }

    /** What every app started by a test is configured with. */
    public static Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("platform.security.jwt.issuer", ISSUER);
        p.put("platform.security.jwt.audience", AUDIENCE);
        p.put("platform.security.jwt.public-key", publicKeyPem());
        p.put("platform.security.api-keys." + ALL_ROLES_KEY_NAME + ".hash", sha256(ALL_ROLES_KEY));
        p.put("platform.security.api-keys." + ALL_ROLES_KEY_NAME + ".roles", String.join(",", ROLES));
        p.put("platform.security.kafka.senders.settlement.secret", SETTLEMENT_SECRET);
        p.put("platform.security.kafka.senders.payroll.secret", PAYROLL_SECRET);
        return p;
    }

    /** The same as environment variables, for an app started as a process. */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        properties().forEach((k, v) -> env.put(k.replace(".", "_").replace("-", "").toUpperCase(), v));
        return env;
    }

    /** A valid token for the subject with the roles, an hour long. */
    public static String token(String subject, String... roles) {
        return token(subject, AUDIENCE, Instant.now().plus(Duration.ofHours(1)), false, roles);
    }

    /** A token as asked: for another audience, already expired, or signed by a key nobody trusts. */
    public static String token(String subject, String audience, Instant expiresAt, boolean foreignKey, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2)))).expirationTime(Date.from(expiresAt))
                .claim("roles", List.of(roles)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) (foreignKey ? OTHER_KEYS : ISSUER_KEYS).getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * A token signed by the trusted issuer with exactly the claims given (issue 15: tokens without
     * {@code exp} or {@code sub}, or with a subject no record should name).
     */
    public static String signed(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) ISSUER_KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The claims of a valid all-roles token, to be changed by the caller before {@link #signed}. */
    public static JWTClaimsSet.Builder validClaims(String subject) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(AUDIENCE)
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).claim("roles", ROLES);
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ISSUER_KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
