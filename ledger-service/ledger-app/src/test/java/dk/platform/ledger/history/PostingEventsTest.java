package dk.platform.ledger.history;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dk.platform.ledger.api.event.PostsEntry;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PostingEventsTest {

    @Test
    void everyEventThatPostsLinesIsReadByTheKnownAtQueriesAndTheExport() {
        Set<String> postingEvents = new ClassFileImporter().importPackages(PostsEntry.class.getPackageName()).stream()
                .filter(c -> c.isAssignableTo(PostsEntry.class) && !c.isInterface())
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        assertThat(postingEvents).isNotEmpty();
        assertThat(PostingEvents.TYPES.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(postingEvents);
    }
}
