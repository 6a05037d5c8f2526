package dk.platform.ledger.admin;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViewChecksumTest {

    static String sum(Document... documents) {
        ViewChecksum sum = new ViewChecksum();
        sum.collection("c");
        for (Document d : documents) {
            sum.document(d);
        }
        return sum.hex();
    }

    @Test
    void keyOrderBookkeepingNumberSpellingAndPostingOrderDoNotCount() {
        Document a = new Document("_id", "A").append("amount", new Decimal128(new BigDecimal("100.00"))).append("lastSequence", 3)
                .append("postings", List.of(new Document("eventId", "e1"), new Document("eventId", "e2")))
                .append("_class", "x.Y");
        Document b = new Document("postings", List.of(new Document("eventId", "e2"), new Document("eventId", "e1")))
                .append("amount", new Decimal128(new BigDecimal("100.0"))).append("_id", "A").append("lastSequence", 7);
        assertThat(sum(a)).isEqualTo(sum(b)).hasSize(64);
    }

    @Test
    void contentHistoryOrderAndDocumentsCount() {
        Document a = new Document("_id", "A").append("history", List.of("h1", "h2"));
        assertThat(sum(a)).isNotEqualTo(sum(new Document("_id", "A").append("history", List.of("h2", "h1"))));
        assertThat(sum(a)).isNotEqualTo(sum(new Document("_id", "B").append("history", List.of("h1", "h2"))));
        assertThat(sum(a)).isNotEqualTo(sum(a, new Document("_id", "B")));
        assertThat(sum()).isNotEqualTo(sum(new Document("_id", "A")));
    }
}
