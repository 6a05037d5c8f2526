package dk.platform.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Static API keys for services and scripts. Only the SHA-256 of each key is configured
 * ({@code platform.security.api-keys.<name>.hash}); a key is random and long, so a plain hash is
 * enough to make a leaked configuration useless. Keys are compared by their hashes in constant time.
 */
public final class ApiKeys {

    /** An identity known by its key: its name (the subject in the record) and its roles. */
    public record Key(String name, Set<Role> roles) {
    }

    private final Map<String, Key> byHash;

    public ApiKeys(Map<String, PlatformSecurityProperties.ApiKey> configured) {
        this.byHash = configured.entrySet().stream().collect(Collectors.toMap(
                e -> normalised(e.getKey(), e.getValue().getHash()),
                e -> new Key(e.getKey(), e.getValue().getRoles().stream().map(Role::of).collect(Collectors.toUnmodifiableSet()))));
    }

    public Optional<Key> find(String presented) {
        byte[] hash = HexFormat.of().parseHex(sha256(presented));
        Key found = null;
        for (Map.Entry<String, Key> e : byHash.entrySet()) {
            if (MessageDigest.isEqual(hash, HexFormat.of().parseHex(e.getKey()))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalised(String name, String hash) {
        String hex = hash == null ? "" : hash.trim().toLowerCase().replaceFirst("^sha256:", "");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("platform.security.api-keys." + name + ".hash must be the SHA-256 of the key"
                    + " as 64 hex digits");
        }
        return hex;
    }
}
