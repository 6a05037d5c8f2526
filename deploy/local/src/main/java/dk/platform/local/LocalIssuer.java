package dk.platform.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The local stack's identities (issue 10): a token issuer whose RSA key lives in the data
 * folder, a token per role (12 hours), an API key per role (and one with every role, named
 * {@code local-all}, for trying the README's walk-throughs), and the secrets with which settlement
 * and payroll sign their commands to the ledger. Keys and secrets are made once and kept in
 * {@code <data>/identity/} (readable by the owner only), so a restart keeps them; the apps get
 * the public key, the keys' hashes and the secrets through their environment.
 */
final class LocalIssuer {

    static final String ISSUER = "ledger-platform-local";
    static final String AUDIENCE = "ledger-platform";
    static final List<String> ROLES = List.of("poster", "auditor", "payroll", "settlement", "admin");
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final KeyPair keys;
    private final Properties secrets;
    private final Path dir;
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalIssuer(Path dir, KeyPair keys, Properties secrets) {
        this.dir = dir;
        this.keys = keys;
        this.secrets = secrets;
    }

    /** Loads the issuer of the data folder, or makes one. */
    static LocalIssuer in(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("identity");
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("issuer-key.pk8");
        Path secretFile = dir.resolve("secrets.properties");
        try {
            KeyPair keys;
            if (Files.exists(keyFile)) {
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
                keys = new KeyPair(KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key);
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                writePrivate(keyFile, keys.getPrivate().getEncoded());
            }
            Properties secrets = new Properties();
            if (Files.exists(secretFile)) {
                try (var in = Files.newBufferedReader(secretFile)) {
                    secrets.load(in);
                }
            }
            boolean added = false;
            for (String name : secretNames()) {
                if (secrets.getProperty(name) == null) {
                    secrets.setProperty(name, random());
                    added = true;
                }
            }
            if (added) {
                StringBuilder text = new StringBuilder("# made by deploy/run-local.sh; delete to make new ones\n");
                secrets.stringPropertyNames().stream().sorted().forEach(n -> text.append(n).append('=').append(secrets.getProperty(n)).append('\n'));
                writePrivate(secretFile, text.toString().getBytes(StandardCharsets.UTF_8));
            }
            return new LocalIssuer(dir, keys, secrets);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read or make the local token issuer in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> secretNames() {
        List<String> names = new java.util.ArrayList<>(List.of("kafka.settlement", "kafka.payroll"));
        ROLES.forEach(r -> names.add("apikey." + r));
        names.add("apikey.all");
        return names;
    }

    /** What every app is started with: the issuer's public key and the API keys' hashes. */
    Map<String, String> appEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PLATFORM_SECURITY_JWT_ISSUER", ISSUER);
        env.put("PLATFORM_SECURITY_JWT_AUDIENCE", AUDIENCE);
        env.put("PLATFORM_SECURITY_JWT_PUBLIC_KEY", publicKeyPem());
        String keys = ROLES.stream().map(r -> "\"local-" + r + "\":{\"hash\":\"" + sha256(apiKey(r)) + "\",\"roles\":[\"" + r + "\"]}")
                .collect(Collectors.joining(",")) + ",\"local-all\":{\"hash\":\"" + sha256(apiKey("all")) + "\",\"roles\":["
                + ROLES.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",")) + "]}";
        env.put("SPRING_APPLICATION_JSON", "{\"platform\":{\"security\":{\"api-keys\":{" + keys + "}}}}");
        return env;
    }

    /** The ledger verifies both senders; each sender signs with its own secret. */
    Map<String, String> ledgerEnvironment() {
        return Map.of("PLATFORM_SECURITY_KAFKA_SENDERS_SETTLEMENT_SECRET", secrets.getProperty("kafka.settlement"),
                "PLATFORM_SECURITY_KAFKA_SENDERS_PAYROLL_SECRET", secrets.getProperty("kafka.payroll"));
    }

    Map<String, String> senderEnvironment(String sender) {
        return Map.of("PLATFORM_SECURITY_KAFKA_SENDER_SECRET", secrets.getProperty("kafka." + sender));
    }

    String apiKey(String role) {
        return secrets.getProperty("apikey." + role);
    }

    /** A token for {@code local-<role>} with that one role, made once per start. */
    String token(String role) {
        return tokens.computeIfAbsent(role, this::mint);
    }

    private String mint(String role) {
        Instant now = Instant.now();
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"iss\":\"" + ISSUER + "\",\"sub\":\"local-" + role + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":"
                + now.getEpochSecond() + ",\"exp\":" + now.plus(TOKEN_LIFETIME).getEpochSecond() + ",\"roles\":[\"" + role + "\"]}");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code <data>/identity/credentials.env}: a token and an API key per role, for
     * {@code source} in a shell (TOKEN_POSTER, API_KEY_POSTER, ...), and answers its path.
     */
    Path writeCredentials() throws IOException {
        StringBuilder text = new StringBuilder("# local stack credentials; tokens expire after 12 h (restart the stack for new ones)\n");
        for (String role : ROLES) {
            String name = role.toUpperCase(java.util.Locale.ROOT);
            text.append("TOKEN_").append(name).append('=').append(token(role)).append('\n');
            text.append("API_KEY_").append(name).append('=').append(apiKey(role)).append('\n');
        }
        text.append("# every role at once, to try the README's walk-throughs on the local stack; never configure such a key elsewhere\n");
        text.append("API_KEY_ALL=").append(apiKey("all")).append('\n');
        Path file = dir.resolve("credentials.env");
        writePrivate(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    String publicKeyPem() {
        PublicKey key = keys.getPublic();
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.write(file, content);
    }
}
