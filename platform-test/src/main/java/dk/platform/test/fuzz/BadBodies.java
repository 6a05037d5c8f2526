package dk.platform.test.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bad request bodies made from a valid one (issue 15): each {@link #next} takes the valid body and
 * breaks it in one way of a {@link Kind}, chosen by the seeded {@link Random}. Every kind but
 * {@link Kind#MISSING} and {@link Kind#NULL} on a field the caller names optional makes the body
 * invalid by SPEC §0 (strict input); {@link Case#mayStayValid()} says which cases may be accepted.
 */
public final class BadBodies {

    /** The classes of bad input of issue 15 the generator draws from. */
    public enum Kind {
        DATE, TRAILING, NUMBER_FOR_STRING, STRING_FOR_NUMBER, EXPONENT, CONTROL, HUGE, BAD_ID, MISSING, NULL, NESTING,
        DUPLICATE_KEY, UNKNOWN_FIELD, EMPTY, NOT_JSON
    }

    /** One generated body: what was done to which field, and whether the result may still be valid. */
    public record Case(Kind kind, String field, String body, boolean mayStayValid) {
        /** The case as a failure message shows it: never the whole of a 100 000-character body. */
        public String describe() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
            return kind + " at " + field + ": " + shown.replace("\u0000", "\\u0000");
        }
    }

    public static final int HUGE_LENGTH = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String RAW = "\u2063raw\u2063";
    private static final Object[] BAD_DATES = {20260101, "+12026-01-01", "-2026-01-01", "0000-01-01", "2026-01-01T00:00:00",
            "2026-01-01T00:00:00Z", "2026-02-30", "1899-12-31", "3000-01-01", "2026-1-1", " 2026-01-01", "26-01-01", "", "20260101",
            "2026-13-01", "٢٠٢٦-٠١-٠١", true};
    private static final String[] TRAILERS = {"xyz", " {}", "{}", "]", "}", ",", " 0", " null", "\"x\"", "/*c*/", "#", "\u0000"};
    private static final String[] BAD_IDS = {".", "..", "...", "a".repeat(121), "a b", "../x", "x/y", "%2e%2e", " x", "x ", "",
            "æøå", "x\ty", "x;y", "x?y", "x#y"};
    private static final char[] CONTROLS = {'\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f',
            '\u0085', '\u009f'};
    private static final String[] NOT_JSON = {"hello", "<xml/>", "{", "[", "{\"a\"", "{\"a\":", "null", "true", "42", "\"text\"",
            "{'a':'b'}", "{a:1}", "\u0000", "\uFEFF{}x", "--", "{\"a\":1,}", "[1,]", "{\"a\" 1}"};

    private final JsonNode valid;
    private final Set<String> optional;
    private final Set<String> idFields;
    private final Random random;
    private final List<String> strings = new ArrayList<>();
    private final List<String> numbersAndBooleans = new ArrayList<>();
    private final List<String> dates = new ArrayList<>();
    private final List<String> decimals = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();

    /**
     * @param validBody a body the endpoint accepts
     * @param optional  fields that may be left out or null (SPEC §7's {@code field?}), as JSON pointers with {@code *} for
     *                  an array index: {@code /lineId}, {@code /applications/&#42;/amount}
     * @param idFields  names of fields that hold ids or account numbers besides those ending in {@code Id}
     */
    public BadBodies(String validBody, Set<String> optional, Set<String> idFields, Random random) {
        try {
            this.valid = JSON.readTree(validBody);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid body: " + validBody, e);
        }
        this.optional = optional;
        this.idFields = idFields;
        this.random = random;
        walk(valid, "", null);
    }

    private void walk(JsonNode node, String pointer, String name) {
        if (node.isContainerNode()) {
            containers.add(pointer);
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String child = pointer + "/" + e.getKey();
                    fields.add(child);
                    walk(e.getValue(), child, e.getKey());
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), pointer + "/" + i, name);
                }
            }
        } else if (node.isTextual()) {
            strings.add(pointer);
            if (DATE.matcher(node.asText()).matches()) {
                dates.add(pointer);
            }
            if (DECIMAL_TEXT.matcher(node.asText()).matches() && node.asText().contains(".")) {
                decimals.add(pointer);
            }
            if (name != null && (name.endsWith("Id") || idFields.contains(name))) {
                ids.add(pointer);
            }
        } else if (node.isNumber() || node.isBoolean()) {
            numbersAndBooleans.add(pointer);
        }
    }

    /** The next bad body. */
    public Case next() {
        while (true) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            Case c = make(kind);
            if (c != null) {
                return c;
            }
        }
    }

    private Case make(Kind kind) {
        switch (kind) {
            case DATE -> {
                String at = pick(dates);
                return at == null ? null : replaced(kind, at, value(BAD_DATES[random.nextInt(BAD_DATES.length)]), false);
            }
            case TRAILING -> {
                String body = write(valid);
                String trailer = random.nextInt(4) == 0 ? body : TRAILERS[random.nextInt(TRAILERS.length)];
                return new Case(kind, "(end)", body + trailer, false);
            }
            case NUMBER_FOR_STRING -> {
                String at = pick(strings);
                JsonNode[] values = {IntNode.valueOf(0), IntNode.valueOf(1), IntNode.valueOf(-1), DecimalNode.valueOf(new BigDecimal("1.5")),
                        BooleanNode.TRUE, BooleanNode.FALSE};
                JsonNode value = decimals.contains(at) && random.nextBoolean()
                        ? DecimalNode.valueOf(new BigDecimal(valid.at(at).asText())) : values[random.nextInt(values.length)];
                return at == null ? null : replaced(kind, at, value, false);
            }
            case STRING_FOR_NUMBER -> {
                String at = pick(numbersAndBooleans);
                if (at == null) {
                    return null;
                }
                JsonNode original = valid.at(at);
                JsonNode[] values = {TextNode.valueOf(original.asText()), TextNode.valueOf("abc"), TextNode.valueOf(""),
                        original.isBoolean() ? IntNode.valueOf(1) : BooleanNode.TRUE};
                return replaced(kind, at, values[random.nextInt(values.length)], false);
            }
            case EXPONENT -> {
                List<String> targets = new ArrayList<>(decimals);
                numbersAndBooleans.stream().filter(p -> valid.at(p).isNumber()).forEach(targets::add);
                String at = pick(targets);
                if (at == null) {
                    return null;
                }
                if (valid.at(at).isTextual()) {
                    BigDecimal d = new BigDecimal(valid.at(at).asText());
                    String[] forms = {d.unscaledValue() + "e-" + d.scale(), "1e2", "1E+2", d.stripTrailingZeros().toEngineeringString()
                            .contains("E") ? "1e0" : new BigDecimal(d.unscaledValue(), d.scale()).movePointLeft(1) + "e1"};
                    return replaced(kind, at, TextNode.valueOf(forms[random.nextInt(forms.length)]), false);
                }
                String n = valid.at(at).asText();
                String[] forms = {n + "e0", n + "E0", n + ".0e1", "1e2", "1E+2"};
                return raw(kind, at, forms[random.nextInt(forms.length)]);
            }
            case CONTROL -> {
                String at = pick(strings);
                if (at == null) {
                    return null;
                }
                String text = valid.at(at).asText();
                int i = random.nextInt(text.length() + 1);
                char c = CONTROLS[random.nextInt(CONTROLS.length)];
                return replaced(kind, at, TextNode.valueOf(text.substring(0, i) + c + text.substring(i)), false);
            }
            case HUGE -> {
                String at = pick(strings);
                if (at == null) {
                    return null;
                }
                String[] units = {"A", "1", "x-", "æ ", valid.at(at).asText().isEmpty() ? "a" : valid.at(at).asText()};
                String unit = units[random.nextInt(units.length)];
                StringBuilder huge = new StringBuilder(HUGE_LENGTH);
                while (huge.length() < HUGE_LENGTH) {
                    huge.append(unit);
                }
                huge.setLength(HUGE_LENGTH);
                return replaced(kind, at, TextNode.valueOf(huge.toString()), false);
            }
            case BAD_ID -> {
                String at = pick(ids);
                return at == null ? null : replaced(kind, at, TextNode.valueOf(BAD_IDS[random.nextInt(BAD_IDS.length)]), false);
            }
            case MISSING, NULL -> {
                String at = pick(fields);
                if (at == null) {
                    return null;
                }
                JsonNode copy = valid.deepCopy();
                ObjectNode parent = (ObjectNode) copy.at(parentOf(at));
                String name = nameOf(at);
                if (kind == Kind.MISSING) {
                    parent.remove(name);
                } else {
                    parent.set(name, NullNode.getInstance());
                }
                return new Case(kind, at, write(copy), optional.contains(at.replaceAll("/\\d+(?=/|$)", "/*")));
            }
            case NESTING -> {
                String at = pick(containers.size() > 1 && random.nextBoolean() ? containers : everyValue());
                if (at == null) {
                    return null;
                }
                JsonNode original = valid.at(at);
                JsonNode nested;
                if (original.isArray() && !original.isEmpty() && random.nextBoolean()) {
                    nested = original.get(0);
                } else if (original.isArray() || random.nextBoolean()) {
                    nested = JsonNodeFactory.instance.objectNode().set("value", original.deepCopy());
                } else {
                    nested = JsonNodeFactory.instance.arrayNode().add(original.deepCopy());
                }
                if (at.isEmpty()) {
                    return new Case(kind, "(body)", write(nested), false);
                }
                return replaced(kind, at, nested, false);
            }
            case DUPLICATE_KEY -> {
                String at = pick(fields);
                if (at == null) {
                    return null;
                }
                JsonNode copy = valid.deepCopy();
                ObjectNode parent = (ObjectNode) copy.at(parentOf(at));
                JsonNode value = random.nextBoolean() ? parent.get(nameOf(at)) : TextNode.valueOf("other");
                parent.set(RAW + "dup", value);
                return new Case(kind, at, write(copy).replace("\"" + RAW + "dup\"", JSON.valueToTree(nameOf(at)).toString()), false);
            }
            case UNKNOWN_FIELD -> {
                List<String> objects = containers.stream().filter(p -> valid.at(p).isObject()).toList();
                String at = pick(objects);
                if (at == null) {
                    return null;
                }
                JsonNode copy = valid.deepCopy();
                ((ObjectNode) copy.at(at)).put(random.nextBoolean() ? "unexpected" : "Text", 1);
                return new Case(kind, at + "/unexpected", write(copy), false);
            }
            case EMPTY -> {
                String[] empties = {"", " ", "\n", "\r\n\t"};
                return new Case(kind, "(body)", empties[random.nextInt(empties.length)], false);
            }
            case NOT_JSON -> {
                String body = write(valid);
                String bad = random.nextInt(3) == 0 ? body.substring(0, 1 + random.nextInt(body.length() - 1))
                        : NOT_JSON[random.nextInt(NOT_JSON.length)];
                return new Case(kind, "(body)", bad, false);
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private List<String> everyValue() {
        List<String> all = new ArrayList<>(fields);
        all.add("");
        return all;
    }

    private Case replaced(Kind kind, String at, JsonNode value, boolean mayStayValid) {
        JsonNode copy = valid.deepCopy();
        String parent = parentOf(at);
        ContainerNode<?> container = (ContainerNode<?>) copy.at(parent);
        if (container instanceof ObjectNode o) {
            o.set(nameOf(at), value);
        } else {
            ((ArrayNode) container).set(Integer.parseInt(nameOf(at)), value);
        }
        return new Case(kind, at, write(copy), mayStayValid);
    }

    /** The value at the pointer written as the raw JSON token given (numbers Jackson would not write as such). */
    private Case raw(Kind kind, String at, String token) {
        Case marked = replaced(kind, at, TextNode.valueOf(RAW), false);
        return new Case(kind, at, marked.body().replace("\"" + RAW + "\"", token), false);
    }

    private static JsonNode value(Object o) {
        return o instanceof Integer i ? IntNode.valueOf(i) : o instanceof Boolean b ? BooleanNode.valueOf(b) : TextNode.valueOf((String) o);
    }

    private String pick(List<String> from) {
        return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String nameOf(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
