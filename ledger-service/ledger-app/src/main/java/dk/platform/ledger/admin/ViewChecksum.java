package dk.platform.ledger.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonBinary;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic digest of a view's documents: each document as canonical JSON (keys sorted,
 * numbers and dates in one spelling, bookkeeping fields left out, set-like arrays sorted), in
 * {@code _id} order, collection by collection, fed to SHA-256. Two views with the same content
 * have the same digest whatever order their events were applied in.
 */
final class ViewChecksum {

    /** Fields that record how a view was built, not what it says (the konto view's {@code recent} and {@code slot} follow the order events were handled in). */
    static final Set<String> BOOKKEEPING = Set.of("lastSequence", "_class", "version", "_version", "recent", "slot");
    /** Arrays whose order is the order handlers happened to run in, not part of the content. */
    static final Set<String> UNORDERED = Set.of("postings", "itemIds", "debtIds");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageDigest digest;
    private long documents;

    ViewChecksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void collection(String name) {
        update("collection " + name + "\n");
    }

    void document(Document document) {
        documents++;
        update(canonicalJson(document) + "\n");
    }

    long documents() {
        return documents;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void update(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    static String canonicalJson(Object value) {
        try {
            return JSON.writeValueAsString(canonical(null, value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object canonical(String field, Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (!BOOKKEEPING.contains(k)) {
                    sorted.put(k, canonical(k, v));
                }
            });
            return sorted;
        } else if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(canonical(null, item)));
            if (field != null && UNORDERED.contains(field)) {
                List<String> spelled = new ArrayList<>(items.stream().map(ViewChecksum::canonicalJson).toList());
                spelled.sort(Comparator.naturalOrder());
                return spelled.stream().map(ViewChecksum::raw).toList();
            }
            return items;
        } else if (value instanceof Decimal128 d) {
            return number(d.bigDecimalValue());
        } else if (value instanceof BigDecimal d) {
            return number(d);
        } else if (value instanceof Double || value instanceof Float) {
            return number(BigDecimal.valueOf(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            return number(new BigDecimal(n.toString()));
        } else if (value instanceof Date d) {
            return d.toInstant().toString();
        } else if (value instanceof ObjectId id) {
            return id.toHexString();
        } else if (value instanceof Binary b) {
            return Base64.getEncoder().encodeToString(b.getData());
        } else if (value instanceof BsonBinary b) {
            return Base64.getEncoder().encodeToString(b.getData());
        } else if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    private static String number(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static Object raw(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
