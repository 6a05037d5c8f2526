package dk.platform.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

/**
 * Stores records as MongoDB documents through Jackson, the way they travel as JSON: amounts stay
 * decimal strings, dates ISO strings. The document's {@code _id} is the record's own id, so every
 * read and write is a key look-up (the Mongo-wire server has no secondary indexes).
 */
public class JsonDocuments {

    private final ObjectMapper json;

    public JsonDocuments(ObjectMapper json) {
        // A document written by a newer version may carry fields this one does not know.
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public Document toDocument(String id, Object value) {
        try {
            Document document = Document.parse(json.writeValueAsString(value));
            document.put("_id", id);
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName() + " " + id, e);
        }
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return json.readValue(copy.toJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " " + document.get("_id"), e);
        }
    }
}
