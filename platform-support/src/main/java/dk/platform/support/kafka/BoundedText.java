package dk.platform.support.kafka;

/**
 * Bounds what is echoed from input: an answer or a dead letter that quotes a bad value in full
 * can be made as large as the value (a 500 kB id made the ledger's answer too large to send).
 */
public final class BoundedText {

    /** The longest detail an answer or a dead-letter reason carries. */
    public static final int MAX_DETAIL = 1000;

    private BoundedText() {
    }

    /** The text, cut to {@code max} characters (the last being "…") if longer; never splits a surrogate pair. */
    public static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
