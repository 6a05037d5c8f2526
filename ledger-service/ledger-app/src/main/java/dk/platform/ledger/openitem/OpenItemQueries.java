package dk.platform.ledger.openitem;

import dk.platform.ledger.infra.mongo.ViewCollections;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads of the open-item view (the live generation), by id and by party: key look-ups only (DESIGN.md §3). */
@Component
public class OpenItemQueries {

    private final MongoTemplate mongo;
    private final ViewCollections views;

    OpenItemQueries(MongoTemplate mongo, ViewCollections views) {
        this.mongo = mongo;
        this.views = views;
    }

    public Optional<OpenItemView> find(String openItemId) {
        return Optional.ofNullable(mongo.findById(openItemId, OpenItemView.class, views.current(OpenItemProjection.NAME, OpenItemView.COLLECTION)));
    }

    /** Items of a party (or of everyone when party is null), filtered by status (null = all), oldest due first. */
    @SuppressWarnings("unchecked")
    public List<OpenItemView> list(String party, OpenItemView.Status status) {
        int generation = views.live(OpenItemProjection.NAME);
        String collection = ViewCollections.name(OpenItemView.COLLECTION, generation);
        List<OpenItemView> items;
        if (party != null) {
            Document index = mongo.findById(party, Document.class, ViewCollections.name(OpenItemProjection.PARTIES, generation));
            List<String> ids = index == null ? List.of() : (List<String>) index.get("itemIds");
            items = ids.isEmpty() ? List.of() : mongo.find(Query.query(Criteria.where("_id").in(ids)), OpenItemView.class, collection);
        } else {
            items = mongo.find(new Query().with(Sort.by("_id")), OpenItemView.class, collection);
        }
        return items.stream()
                .filter(v -> status == null || v.status == status)
                .sorted(Comparator.comparing((OpenItemView v) -> v.dueDate).thenComparing(v -> v.openItemId))
                .toList();
    }

    public List<OpenItemView> all() {
        return mongo.findAll(OpenItemView.class, views.current(OpenItemProjection.NAME, OpenItemView.COLLECTION));
    }
}
