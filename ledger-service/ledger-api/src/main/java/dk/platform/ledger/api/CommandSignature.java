package dk.platform.ledger.api;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who sent a record of {@code ledger.commands}: the sending service's id ({@code settlement},
 * {@code payroll}), the user it acts for, if any, and an HMAC-SHA256 over both, the record's key
 * and its value, made with the secret the service shares with the ledger. The three travel as
 * record headers; the ledger runs a command only when the signature is that sender's.
 */
public final class CommandSignature {

    public static final String SENDER_HEADER = "ledger-sender";
    public static final String ON_BEHALF_OF_HEADER = "ledger-on-behalf-of";
    public static final String SIGNATURE_HEADER = "ledger-signature";

    private CommandSignature() {
    }

    public static String sign(String secret, String sender, String onBehalfOf, String key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = sender + "\n" + (onBehalfOf == null ? "" : onBehalfOf) + "\n" + key + "\n" + value;
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The headers of a signed record, in order: sender, on-behalf-of (if any), signature. */
    public static Map<String, byte[]> headers(String secret, String sender, String onBehalfOf, String key, String value) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(SENDER_HEADER, sender.getBytes(StandardCharsets.UTF_8));
        if (onBehalfOf != null) {
            headers.put(ON_BEHALF_OF_HEADER, onBehalfOf.getBytes(StandardCharsets.UTF_8));
        }
        headers.put(SIGNATURE_HEADER, sign(secret, sender, onBehalfOf, key, value).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    public static boolean verify(String secret, String sender, String onBehalfOf, String key, String value, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, sender, onBehalfOf, key, value).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
