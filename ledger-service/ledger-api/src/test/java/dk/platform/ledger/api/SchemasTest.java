package dk.platform.ledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.platform.ledger.api.command.Application;
import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.CloseYear;
import dk.platform.ledger.api.command.DefinitionRow;
import dk.platform.ledger.api.command.GeneratedEntry;
import dk.platform.ledger.api.command.ItemLine;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.OpenAccount;
import dk.platform.ledger.api.command.PaySkyldigtBeløb;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterFund;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.command.RegisterPostingDefinition;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.RetirePostingDefinition;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.api.command.SetPartyApplicationMethod;
import dk.platform.ledger.api.command.UnapplyEntries;
import dk.platform.ledger.api.command.WriteOffSkyldigtBeløb;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.AppliedAmount;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.FundRegistered;
import dk.platform.ledger.api.event.JournalEntryPosted;
import dk.platform.ledger.api.event.LedgerEvent;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.OpenItemsApplied;
import dk.platform.ledger.api.event.OpenItemsUnapplied;
import dk.platform.ledger.api.event.PartyApplicationMethodSet;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.PostingDefinitionRegistered;
import dk.platform.ledger.api.event.PostingDefinitionRetired;
import dk.platform.ledger.api.event.SkyldigtBeløbOffset;
import dk.platform.ledger.api.event.SkyldigtBeløbPaid;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import dk.platform.ledger.api.event.SkyldigtBeløbWrittenOff;
import dk.platform.ledger.api.event.WriteOffBooked;
import dk.platform.ledger.api.event.YearClosed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas in {@code schemas/} describe exactly what the ledger publishes: every event
 * record, serialised as Spring Boot's ObjectMapper does it, validates against its schema; every
 * event and command record has a schema and every schema a record; and what the ledger refuses
 * (a JSON number as an amount, a third decimal, an unknown field) the schemas refuse too.
 */
class SchemasTest {

    /** Every event record of {@code dk.platform.ledger.api.event}; a new event needs a schema and a line here. */
    static final List<Class<? extends LedgerEvent>> EVENT_TYPES = List.of(
            AccountOpened.class, PartyApplicationMethodSet.class, JournalEntryPosted.class, OpenItemRegistered.class,
            PaymentApplied.class, WriteOffBooked.class, OpenItemsApplied.class, OpenItemsUnapplied.class,
            OpenItemAllocated.class, OpenItemAllocationReleased.class, EntryReversed.class,
            PostingDefinitionRegistered.class, PostingDefinitionRetired.class, FundRegistered.class, YearClosed.class,
            SkyldigtBeløbRegistered.class, SkyldigtBeløbOffset.class, SkyldigtBeløbPaid.class, SkyldigtBeløbWrittenOff.class);

    /** Every command record of {@code dk.platform.ledger.api.command}. */
    static final List<Class<? extends Record>> COMMAND_TYPES = List.of(
            OpenAccount.class, SetPartyApplicationMethod.class, PostJournalEntry.class, RegisterOpenItem.class,
            BookWriteOff.class, ApplyPayment.class, ApplyOpenItems.class, UnapplyEntries.class, ReverseEntry.class,
            RegisterPostingDefinition.class, RetirePostingDefinition.class, RegisterFund.class, CloseYear.class,
            RegisterSkyldigtBeløb.class, OffsetSkyldigtBeløb.class, PaySkyldigtBeløb.class, WriteOffSkyldigtBeløb.class);

    /** Records of the command package that are parts of commands, described in common.schema.json. */
    static final Set<Class<? extends Record>> COMMAND_PARTS = Set.of(Application.class, ItemLine.class, DefinitionRow.class,
            GeneratedEntry.class);

    /** Records of the event package that are parts of events, described in common.schema.json. */
    static final Set<Class<? extends Record>> EVENT_PARTS = Set.of(AppliedAmount.class);

    /** Configured as Spring Boot configures the apps' ObjectMapper (application.yml). */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    static final String BASE = "https://schemas.platform.dk/ledger/";
    /**
     * Maps {@code BASE} to {@code classpath:schemas/}. A URI spells the ø of e.g. SkyldigtBeløbPaid as %C3%B8,
     * and networknt's classpath loader does not decode it, so the mapping does: a plain
     * {@code mapPrefix(BASE, "classpath:schemas/")} cannot load the SkyldigtBeløb schemas.
     */
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mappings(iri -> iri.startsWith(BASE),
                    iri -> "classpath:schemas/" + URLDecoder.decode(iri.substring(BASE.length()), StandardCharsets.UTF_8))));
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static JsonSchema schema(String path) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + uri(path)), CONFIG);
    }

    /**
     * A schema's path as it appears in {@code $id} and {@code $ref}: a URI may hold only ASCII, so the
     * ø of e.g. RegisterSkyldigtBeløb.schema.json is percent-encoded there (RegisterSkyldigtBel%C3%B8b.schema.json).
     */
    static String uri(String path) {
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    static Set<ValidationMessage> validate(String path, JsonNode json) {
        return schema(path).validate(json);
    }

    // ---------------------------------------------------------------- samples

    static final LocalDate DAY = LocalDate.of(2026, 3, 31);
    static final List<PostingLine> TWO_LINES = List.of(PostingLine.debit("1100", Money.of("48250.00")),
            PostingLine.credit("1010", Money.of("48250.00")));
    /** The budget definition of the REST example: expense and revenue budget lines generate 36300/36350/36340 of their fund. */
    static final List<DefinitionRow> BUDGET_ROWS = List.of(
            new DefinitionRow(AccountStructure.EXPENSE, "", 1,
                    List.of(new GeneratedEntry("-36300", GeneratedSide.SAME), new GeneratedEntry("-36350", GeneratedSide.BALANCE))),
            new DefinitionRow(AccountStructure.REVENUE, null, 1,
                    List.of(new GeneratedEntry("-36300", GeneratedSide.BALANCE), new GeneratedEntry("-36340", GeneratedSide.SAME))),
            new DefinitionRow(AccountStructure.BALANCE, "101- -", 2, null),
            new DefinitionRow(AccountStructure.ANY, "101-66100", 3, List.of()));
    static final PostingLine.GeneratedBy BY_BUDGET = new PostingLine.GeneratedBy("BUDGET", 2, 1);

    /** At least one sample of each event record, with the optional fields both present and missing. */
    static Stream<LedgerEvent> events() {
        return Stream.of(
                new AccountOpened("61.50", "Skyldige beløb", AccountType.LIABILITY),
                new AccountOpened("1100", "Debitorer", AccountType.ASSET, true),
                new PartyApplicationMethodSet("REGION-H", ApplicationMethod.SALDO),
                new JournalEntryPosted("JE-1", DAY, "Husleje", null,
                        List.of(PostingLine.debit("6100", Money.of("12000.00")), PostingLine.credit("5820", Money.of("12000.00")))),
                // revision 1 entries, read as revision 2, may carry a transaction type from before the types were checked
                new JournalEntryPosted("JE-2", DAY, "", "RENT", TWO_LINES),
                new JournalEntryPosted("B-1", LocalDate.of(2026, 1, 1), "Budget", TransactionTypes.BUDGET_ORIGINAL,
                        List.of(PostingLine.debit("101-36300", Money.of("250.00")).generatedBy(BY_BUDGET),
                                PostingLine.credit("101-36350", Money.of("250.00")).generatedBy(BY_BUDGET)),
                        List.of(PostingLine.debit("101-606400-OU_1-OU_3566-Training", Money.of("250.00")))),
                new JournalEntryPosted("SET-1", DAY, "Afregning", "SETTLEMENT",
                        List.of(PostingLine.debit("101-66100-150", Money.of("100.00")), PostingLine.credit("5820", Money.of("100.00")),
                                PostingLine.debit("101-36300", Money.of("100.00")).generatedBy(new PostingLine.GeneratedBy("SETTLE", 1, 3)),
                                PostingLine.credit("101-36350", Money.of("100.00")).generatedBy(new PostingLine.GeneratedBy("SETTLE", 1, 3))),
                        List.of()),
                new OpenItemRegistered("SS-2026-03", OpenItemKind.RECEIVABLE, "REGION-H", "2026-03", DAY, DAY.plusDays(30),
                        "Sygesikring marts", Money.of("48250.00"), "1100", "1010",
                        List.of(new ItemLine("practitioner-A", "Behandler A", Money.of("30000.00")),
                                new ItemLine("practitioner-B", null, Money.of("18250.00"))), TWO_LINES),
                new OpenItemRegistered("CM-1", OpenItemKind.RECEIVABLE, "REGION-H", "K-1", DAY, DAY, null,
                        Money.of("-100.00"), "1100", "1010", List.of(),
                        List.of(PostingLine.debit("1100", Money.of("-100.00")), PostingLine.credit("1010", Money.of("-100.00")))),
                new PaymentApplied("PAY-1", "REGION-H", OpenItemKind.RECEIVABLE, DAY, "Indbetaling", "5820", "1100",
                        Money.of("46852.75"), List.of(new AppliedAmount("SS-2026-03", null, Money.of("46852.75")),
                        new AppliedAmount("SS-2026-03", "practitioner-A", Money.of("0.25"))), Money.ZERO,
                        List.of(PostingLine.debit("5820", Money.of("46852.75")), PostingLine.credit("1100", Money.of("46852.75")))),
                new PaymentApplied("PAY-2", "REGION-H", OpenItemKind.PAYABLE, DAY, "", "5820", "2100",
                        Money.of("10.00"), List.of(), Money.of("10.00"),
                        List.of(PostingLine.credit("5820", Money.of("10.00")), PostingLine.debit("2100", Money.of("10.00")))),
                new WriteOffBooked("WO-1", "SS-2026-03", null, DAY, "Fondsbidrag", "7250", Money.of("412.50"),
                        List.of(PostingLine.debit("7250", Money.of("412.50")), PostingLine.credit("1100", Money.of("412.50")))),
                new WriteOffBooked("WO-2", "SS-2026-03", "practitioner-B", DAY, "Difference", "3090", Money.of("-2.50"),
                        List.of(PostingLine.debit("3090", Money.of("-2.50")), PostingLine.credit("1100", Money.of("-2.50")))),
                new OpenItemsApplied("APP-1", "REGION-H", DAY, "Kreditnota", List.of(
                        new AppliedAmount("INV-7", null, Money.of("100.00")), new AppliedAmount("CM-1", null, Money.of("-100.00")))),
                new OpenItemsUnapplied("APP-1", DAY, List.of(
                        new AppliedAmount("INV-7", null, Money.of("100.00")), new AppliedAmount("CM-1", null, Money.of("-100.00")))),
                new OpenItemsUnapplied("APP-2", DAY, List.of()),
                new OpenItemsApplied("APP-3", "REGION-H", DAY, "Kreditnota", List.of(
                        new AppliedAmount("INV-7", null, Money.of("100.00")), new AppliedAmount("CM-1", null, Money.of("-100.00"))),
                        List.of(PostingLine.credit("1100", Money.of("100.00")), PostingLine.debit("1100", Money.of("100.00")),
                                PostingLine.debit("5820", Money.of("100.00")).generatedBy(new PostingLine.GeneratedBy("APP", 1, 1)),
                                PostingLine.credit("1190", Money.of("100.00")).generatedBy(new PostingLine.GeneratedBy("APP", 1, 1)))),
                new OpenItemsUnapplied("APP-3", DAY, List.of(
                        new AppliedAmount("INV-7", null, Money.of("100.00")), new AppliedAmount("CM-1", null, Money.of("-100.00"))),
                        List.of(PostingLine.debit("1100", Money.of("100.00")), PostingLine.credit("1100", Money.of("100.00")))),
                new OpenItemAllocated("SS-2026-03", "WO-1", "practitioner-A", Money.of("412.50"), AllocationReason.WRITE_OFF,
                        DAY, Money.of("47837.50")),
                new OpenItemAllocated("INV-7", "PAY-1", null, Money.of("100.00"), AllocationReason.PAYMENT, DAY, Money.ZERO),
                new OpenItemAllocationReleased("SS-2026-03", "WO-1", "practitioner-A", Money.of("412.50"),
                        AllocationReason.REVERSAL, DAY, Money.of("412.50")),
                new OpenItemAllocationReleased("INV-7", "APP-1", null, Money.of("100.00"), AllocationReason.UNAPPLY, DAY,
                        Money.of("100.00")),
                new EntryReversed("WO-1", "WO-1-rev", DAY, "Forkert konto",
                        List.of(PostingLine.credit("7250", Money.of("412.50")), PostingLine.debit("1100", Money.of("412.50"))), false),
                new EntryReversed("SS-2026-03", "SS-2026-03-rev", DAY, "", TWO_LINES.stream().map(PostingLine::swapped).toList(), true),
                new PostingDefinitionRegistered("BUDGET", 1, TransactionTypes.BUDGET_ORIGINAL, null, BUDGET_ROWS),
                new PostingDefinitionRegistered("CLOSE-GOV", 3, TransactionTypes.YEAR_END_CLOSE, "GOVERNMENTAL",
                        List.of(new DefinitionRow(AccountStructure.EXPENSE, "", 1, List.of(new GeneratedEntry("-39000", GeneratedSide.BALANCE))))),
                new PostingDefinitionRetired("BUDGET", 2),
                new FundRegistered("101", "Kassen", "GOVERNMENTAL"),
                new FundRegistered("900", "Uden klasse", null),
                new YearClosed("CLOSE-2026-GOV", 2026, "GOVERNMENTAL", LocalDate.of(2026, 12, 31)),
                new YearClosed("CLOSE-2025", 2025, null, LocalDate.of(2025, 12, 31)),
                new SkyldigtBeløbRegistered("D-1001-2026-03", "K5", "1001", DebtKind.AUTO, Money.of("3200.00"), DAY, "2026-03", "0000000170",
                        "61.50", List.of(PostingLine.debit("61.50", Money.of("3200.00")), PostingLine.credit("0000000170", Money.of("3200.00")))),
                new SkyldigtBeløbRegistered("D-1002", "29189978", "1002", DebtKind.MANUAL, Money.of("15.00"), DAY, null, "101-66100-150",
                        "61.50", List.of(PostingLine.debit("61.50", Money.of("15.00")), PostingLine.credit("101-66100-150", Money.of("15.00")))),
                new SkyldigtBeløbOffset("D-1001-2026-03", "D-1001-2026-04-8561", Money.of("2000.00"), LocalDate.of(2026, 4, 30), "2026-04",
                        Money.of("1200.00"), List.of(PostingLine.debit("0000000170", Money.of("2000.00")), PostingLine.credit("61.50", Money.of("2000.00")))),
                new SkyldigtBeløbOffset("D-1002", "D-1002-off", Money.of("5.00"), DAY, null, Money.of("10.00"),
                        List.of(PostingLine.debit("101-66100-150", Money.of("5.00")), PostingLine.credit("61.50", Money.of("5.00")))),
                new SkyldigtBeløbPaid("D-1001-2026-03", "D-1001-pay-1", Money.of("1200.00"), LocalDate.of(2026, 5, 10), "5820", Money.ZERO,
                        List.of(PostingLine.debit("5820", Money.of("1200.00")), PostingLine.credit("61.50", Money.of("1200.00")),
                                PostingLine.debit("61.50", Money.of("1200.00")), PostingLine.credit("61.50", Money.of("1200.00")))),
                new SkyldigtBeløbWrittenOff("D-1002", "D-1002-wo", Money.of("10.00"), LocalDate.of(2026, 6, 30), "22.91", Money.ZERO,
                        List.of(PostingLine.debit("22.91", Money.of("10.00")), PostingLine.credit("61.50", Money.of("10.00")))));
    }

    static Stream<Record> commands() {
        return Stream.of(
                new OpenAccount("5820", "Bank", AccountType.ASSET),
                new OpenAccount("1100", "Debitorer", AccountType.ASSET, true),
                new SetPartyApplicationMethod("REGION-H", ApplicationMethod.MANUAL),
                new PostJournalEntry("JE-1", DAY, "Husleje", null,
                        List.of(PostingLine.debit("6100", Money.of("12000.00")), PostingLine.credit("5820", Money.of("12000.00")))),
                new PostJournalEntry("JE-2", DAY, null, "SETTLEMENT", TWO_LINES),
                new PostJournalEntry("B-1", LocalDate.of(2026, 1, 1), "Budget", TransactionTypes.BUDGET_ORIGINAL,
                        List.of(PostingLine.credit("101-606400-OU_1-OU_3566-Training", Money.of("250.00")))),
                new RegisterOpenItem("SS-2026-03", OpenItemKind.RECEIVABLE, "REGION-H", "2026-03", DAY, DAY.plusDays(30),
                        "Sygesikring marts", Money.of("48250.00"), "1100", "1010",
                        List.of(new ItemLine("practitioner-A", "Behandler A", Money.of("30000.00")),
                                new ItemLine("practitioner-B", "Behandler B", Money.of("18250.00")))),
                new RegisterOpenItem("CM-1", OpenItemKind.PAYABLE, "SUPPLIER-1", "K-1", DAY, DAY, null, Money.of("-100.00"),
                        "2100", "6100", null),
                new BookWriteOff("SS-2026-03", "WO-1", DAY, "Fondsbidrag", "7250", Money.of("412.50"), null),
                new BookWriteOff("SS-2026-03", "WO-2", DAY, null, "3090", Money.of("-2.50"), "practitioner-B"),
                new BookWriteOff("SS-2026-03", "WO-3", DAY, "Afskrivning", "101-66100-150", Money.of("12.00"), null, "WRITE_OFF"),
                new ApplyPayment("PAY-1", "REGION-H", DAY, "Indbetaling", "5820", Money.of("46852.75"),
                        List.of(new Application("SS-2026-03", null, null), new Application("INV-7", "line-1", Money.of("1.00"))),
                        null, null),
                new ApplyPayment("PAY-2", "REGION-H", DAY, null, "5820", Money.of("10.00"), null, "1100", OpenItemKind.RECEIVABLE),
                new ApplyPayment("PAY-3", "REGION-H", DAY, null, "101-5820", Money.of("10.00"), List.of(new Application("INV-8", null, null)),
                        null, null, "PAYMENT"),
                new ApplyOpenItems("APP-1", "REGION-H", DAY, "Kreditnota",
                        List.of(new Application("INV-7", null, null), new Application("CM-1", null, null))),
                new ApplyOpenItems("APP-2", "REGION-H", DAY, null,
                        List.of(new Application("INV-9", null, Money.of("5.00")), new Application("CM-2", null, Money.of("-5.00"))), "APPLICATION"),
                new UnapplyEntries("APP-1", LocalDate.of(2026, 4, 1)),
                new ReverseEntry("WO-1", "WO-1-rev", DAY, "Forkert konto"),
                new RegisterPostingDefinition("BUDGET", TransactionTypes.BUDGET_ORIGINAL, null, BUDGET_ROWS),
                new RegisterPostingDefinition("CLOSE-GOV", TransactionTypes.YEAR_END_CLOSE, "GOVERNMENTAL",
                        List.of(new DefinitionRow(AccountStructure.EXPENSE, "", 1, List.of(new GeneratedEntry("- -39000", GeneratedSide.BALANCE))))),
                new RetirePostingDefinition("BUDGET"),
                new RegisterFund("101", "Kassen", "GOVERNMENTAL"),
                new RegisterFund("900", "Uden klasse", null),
                new CloseYear("CLOSE-2026-GOV", 2026, "GOVERNMENTAL"),
                new CloseYear("CLOSE-2025", 2025, null),
                new RegisterSkyldigtBeløb("D-1001-2026-03", "K5", "1001", DebtKind.AUTO, Money.of("3200.00"), DAY, "2026-03", "0000000170"),
                new RegisterSkyldigtBeløb("D-1002", "29189978", "1002", DebtKind.MANUAL, Money.of("15.00"), DAY, null, "101-66100-150"),
                new OffsetSkyldigtBeløb("D-1001-2026-03", "D-1001-2026-04-8561", Money.of("2000.00"), LocalDate.of(2026, 4, 30), "2026-04"),
                new OffsetSkyldigtBeløb("D-1002", "D-1002-off", Money.of("5.00"), DAY, null),
                new PaySkyldigtBeløb("D-1001-2026-03", "D-1001-pay-1", Money.of("1200.00"), LocalDate.of(2026, 5, 10), "5820"),
                new WriteOffSkyldigtBeløb("D-1002", "D-1002-wo", Money.of("10.00"), LocalDate.of(2026, 6, 30)));
    }

    // ---------------------------------------------------------------- events

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachEventAsSerialisedValidatesAgainstItsSchema(LedgerEvent event) {
        JsonNode json = JSON.valueToTree(event);
        assertThat(validate("events/" + event.getClass().getSimpleName() + ".schema.json", json)).as(json.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachEventInItsEnvelopeValidatesAgainstTheEnvelopeSchema(LedgerEvent event) {
        EventEnvelope envelope = new EventEnvelope("4b9f7c1e-2f4a-4c8e-9a57-0b1a7f9e2c11", event.getClass().getSimpleName(),
                EventEnvelope.SCHEMA_VERSION, "SS-2026-03", 3, event.postingDate(), Instant.parse("2026-04-20T10:15:30.123456Z"),
                new EventEnvelope.Metadata("test-user", null, "corr-1", "5d1e0b9a-0c0f-4b1e-8b65-1f3c2a9d7e40"),
                JSON.valueToTree(event));
        JsonNode json = JSON.valueToTree(envelope);
        assertThat(validate("event-envelope.schema.json", json)).as(json.toString()).isEmpty();
        if (event.postingDate() == null) {
            assertThat(json.has("postingDate")).as("a null postingDate is left out").isFalse();
        }
    }

    @Test
    void theSamplesCoverEveryEventTypeAndEveryEventReadsBackAsItWasWritten() throws IOException {
        assertThat(events().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(names(EVENT_TYPES.stream()));
        for (LedgerEvent event : events().toList()) {
            String json = JSON.writeValueAsString(event);
            assertThat(JSON.readValue(json, event.getClass())).as(json).isEqualTo(event);
        }
    }

    @Test
    void everyEventRecordHasASchemaAndEverySchemaAnEventRecord() {
        assertThat(recordsIn("dk/platform/ledger/api/event")).as("records in the event package")
                .containsExactlyInAnyOrderElementsOf(names(Stream.concat(EVENT_TYPES.stream(), EVENT_PARTS.stream())));
        assertThat(EVENT_TYPES).allMatch(LedgerEvent.class::isAssignableFrom);
        assertThat(schemaFiles("events")).as("files in schemas/events")
                .containsExactlyInAnyOrderElementsOf(names(EVENT_TYPES.stream()).stream().map(n -> n + ".schema.json").toList());
    }

    @Test
    void envelopeSchemaMatchesTheEnvelopeRecordAndNamesEveryEventType() throws IOException {
        JsonNode schema = read("schemas/event-envelope.schema.json");
        assertThat(fieldNames(schema.get("properties")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventEnvelope.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(fieldNames(schema.at("/properties/metadata/properties")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventEnvelope.Metadata.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(schema.at("/properties/schemaVersion/const").asInt()).isEqualTo(EventEnvelope.SCHEMA_VERSION);
        List<String> dispatched = schema.get("allOf").findValues("const").stream().map(JsonNode::asText).toList();
        assertThat(dispatched).containsExactlyInAnyOrderElementsOf(names(EVENT_TYPES.stream()));
        for (JsonNode branch : schema.get("allOf")) {
            String type = branch.at("/if/properties/type/const").asText();
            assertThat(branch.at("/then/properties/payload/$ref").asText()).as(type).isEqualTo(uri("events/" + type + ".schema.json"));
        }
        assertThat(schema.at("/properties/type/examples")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(names(EVENT_TYPES.stream()));
    }

    /** Each schema lists exactly the record's components as properties, so a renamed or added field is caught. */
    @Test
    void everySchemaHasExactlyTheFieldsOfItsRecord() throws IOException {
        for (Class<?> type : EVENT_TYPES) {
            assertFieldsMatch(type, read("schemas/events/" + type.getSimpleName() + ".schema.json").get("properties"));
        }
        for (Class<?> type : COMMAND_TYPES) {
            assertFieldsMatch(type, read("schemas/commands/" + type.getSimpleName() + ".schema.json").get("properties"));
        }
        JsonNode defs = read("schemas/common.schema.json").get("$defs");
        assertFieldsMatch(PostingLine.class, defs.at("/postingLine/properties"));
        assertFieldsMatch(PostingLine.class, defs.at("/postingLineInput/properties"));
        assertFieldsMatch(AppliedAmount.class, defs.at("/appliedAmount/properties"));
        assertFieldsMatch(ItemLine.class, defs.at("/itemLine/properties"));
        assertFieldsMatch(ItemLine.class, defs.at("/itemLineInput/properties"));
        assertFieldsMatch(Application.class, defs.at("/application/properties"));
        assertFieldsMatch(PostingLine.GeneratedBy.class, defs.at("/generatedBy/properties"));
        assertFieldsMatch(DefinitionRow.class, defs.at("/definitionRow/properties"));
        assertFieldsMatch(GeneratedEntry.class, defs.at("/generatedEntry/properties"));
    }

    @Test
    void enumsInTheSchemasAreTheJavaEnums() throws IOException {
        JsonNode defs = read("schemas/common.schema.json").get("$defs");
        Map<String, Class<? extends Enum<?>>> enums = Map.of("accountType", AccountType.class, "openItemKind", OpenItemKind.class,
                "applicationMethod", ApplicationMethod.class, "allocationReason", AllocationReason.class,
                "accountStructure", AccountStructure.class, "generatedSide", GeneratedSide.class, "debtKind", DebtKind.class);
        enums.forEach((def, type) -> assertThat(defs.get(def).get("enum")).extracting(JsonNode::asText)
                .as(def).containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        assertThat(defs.at("/transactionType/enum")).extracting(JsonNode::asText).as("transactionType")
                .containsExactlyInAnyOrderElementsOf(TransactionTypes.ALL);
    }

    @Test
    void everySchemaIsAValidDraft202012Schema() throws IOException {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
        List<String> paths = Stream.of(Stream.of("common.schema.json", "event-envelope.schema.json", "command-message.schema.json",
                        "command-result.schema.json"),
                schemaFiles("events").stream().map(f -> "events/" + f), schemaFiles("commands").stream().map(f -> "commands/" + f))
                .flatMap(Function.identity()).toList();
        assertThat(paths).hasSize(4 + EVENT_TYPES.size() + COMMAND_TYPES.size());
        for (String path : paths) {
            JsonNode schema = read("schemas/" + path);
            assertThat(metaSchema.validate(schema)).as(path).isEmpty();
            assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("$id").asText()).as(path).isEqualTo(BASE + uri(path));
            // every $ref resolves
            schema(path).initializeValidators();
        }
    }

    // ---------------------------------------------------------------- what is refused

    @Test
    void anAmountAsAJsonNumberFailsValidation() {
        ObjectNode json = JSON.valueToTree(writeOff());
        json.set("amount", DecimalNode.valueOf(new BigDecimal("412.50")));
        assertThat(validate("events/WriteOffBooked.schema.json", json)).extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString).containsOnly("/amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"412.505", "412.5", "412", "4.125e2", "1,00", "", " 412.50", "+412.50", "1234567890123456.00"})
    void anAmountNotInTheLedgersFormatFailsValidation(String amount) {
        ObjectNode json = JSON.valueToTree(writeOff());
        json.put("amount", amount);
        assertThat(validate("events/WriteOffBooked.schema.json", json)).as(amount).isNotEmpty();
    }

    @Test
    void aCommandAmountMayHaveFewerDecimalsButNotThree() {
        ObjectNode json = JSON.valueToTree(new BookWriteOff("SS-1", "WO-1", DAY, null, "7250", Money.of("412.50"), null));
        json.put("amount", "412.5");
        assertThat(validate("commands/BookWriteOff.schema.json", json)).isEmpty();
        json.put("amount", "412");
        assertThat(validate("commands/BookWriteOff.schema.json", json)).isEmpty();
        json.put("amount", "412.505");
        assertThat(validate("commands/BookWriteOff.schema.json", json)).isNotEmpty();
        json.set("amount", DecimalNode.valueOf(new BigDecimal("412.50")));
        assertThat(validate("commands/BookWriteOff.schema.json", json)).isNotEmpty();
    }

    @Test
    void anUnknownFieldAMissingFieldAWrongEnumOrABadDateFailsValidation() {
        String path = "events/WriteOffBooked.schema.json";
        ObjectNode json = JSON.valueToTree(writeOff());
        assertThat(validate(path, json)).isEmpty();
        assertThat(validate(path, json.deepCopy().put("comment", "x"))).isNotEmpty();
        ObjectNode missing = json.deepCopy();
        missing.remove("writeOffId");
        assertThat(validate(path, missing)).isNotEmpty();
        assertThat(validate(path, json.deepCopy().put("postingDate", "2026-02-30"))).isNotEmpty();
        assertThat(validate(path, json.deepCopy().put("postingDate", "31-03-2026"))).isNotEmpty();
        assertThat(validate(path, json.deepCopy().put("account", "123456789012345678901"))).isNotEmpty();
        assertThat(validate(path, json.deepCopy().put("lineId", "has space"))).isNotEmpty();
        ObjectNode allocated = JSON.valueToTree(new OpenItemAllocated("SS-1", "WO-1", null, Money.of("1.00"),
                AllocationReason.WRITE_OFF, DAY, Money.ZERO));
        assertThat(validate("events/OpenItemAllocated.schema.json", allocated)).isEmpty();
        assertThat(validate("events/OpenItemAllocated.schema.json", allocated.put("reason", "GIFT"))).isNotEmpty();
    }

    @Test
    void aPostingLineNeedsExactlyOneOfDebitAndCredit() {
        String path = "events/JournalEntryPosted.schema.json";
        ObjectNode json = JSON.valueToTree(new JournalEntryPosted("JE-1", DAY, "x", null, TWO_LINES));
        assertThat(validate(path, json)).isEmpty();
        ObjectNode both = json.deepCopy();
        ((ObjectNode) both.get("lines").get(0)).put("credit", "48250.00");
        assertThat(validate(path, both)).isNotEmpty();
        ObjectNode neither = json.deepCopy();
        ((ObjectNode) neither.get("lines").get(0)).remove("debit");
        assertThat(validate(path, neither)).isNotEmpty();
        ObjectNode nullOther = json.deepCopy();
        ((ObjectNode) nullOther.get("lines").get(0)).putNull("credit");
        assertThat(validate(path, nullOther)).as("the unused side may be null").isEmpty();
    }

    @Test
    void anEnvelopeWithAPayloadThatDoesNotMatchItsTypeFailsValidation() {
        EventEnvelope envelope = new EventEnvelope("e-1", "WriteOffBooked", 1, "WO-1", 0, DAY, Instant.now(),
                new EventEnvelope.Metadata("u", "settlement", "c", "x"), JSON.valueToTree(new AccountOpened("5820", "Bank", AccountType.ASSET)));
        assertThat(validate("event-envelope.schema.json", JSON.valueToTree(envelope))).isNotEmpty();
        ObjectNode version2 = JSON.valueToTree(new EventEnvelope("e-1", "AccountOpened", 2, "account:5820", 0, null, Instant.now(),
                new EventEnvelope.Metadata("u", "settlement", "c", "x"), JSON.valueToTree(new AccountOpened("5820", "Bank", AccountType.ASSET))));
        assertThat(validate("event-envelope.schema.json", version2)).isNotEmpty();
        ObjectNode noUser = JSON.valueToTree(new EventEnvelope("e-1", "AccountOpened", 1, "account:5820", 0, null, Instant.now(),
                new EventEnvelope.Metadata(null, null, "c", "x"), JSON.valueToTree(new AccountOpened("5820", "Bank", AccountType.ASSET))));
        assertThat(validate("event-envelope.schema.json", noUser)).isNotEmpty();
    }

    // ---------------------------------------------------------------- commands

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void eachCommandAsSerialisedValidatesAgainstItsSchema(Record command) {
        JsonNode json = JSON.valueToTree(command);
        assertThat(validate("commands/" + command.getClass().getSimpleName() + ".schema.json", json)).as(json.toString()).isEmpty();
    }

    @Test
    void everyCommandRecordHasASchemaAndEverySchemaACommandRecord() {
        assertThat(commands().map(c -> c.getClass().getSimpleName()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(names(COMMAND_TYPES.stream()));
        assertThat(recordsIn("dk/platform/ledger/api/command")).as("records in the command package")
                .containsExactlyInAnyOrderElementsOf(names(Stream.concat(COMMAND_TYPES.stream(), COMMAND_PARTS.stream())));
        assertThat(schemaFiles("commands")).as("files in schemas/commands")
                .containsExactlyInAnyOrderElementsOf(names(COMMAND_TYPES.stream()).stream().map(n -> n + ".schema.json").toList());
    }

    /** The REST bodies of SPEC §7, where the path gives the entry or item id, are valid command bodies. */
    @Test
    void theRestBodiesOfTheSpecValidate() throws IOException {
        Map<String, String> bodies = Map.of(
                "commands/ReverseEntry.schema.json", "{'reversalId':'JE-1-rev','postingDate':'2026-04-02','text':'Fejlpostering'}",
                "commands/BookWriteOff.schema.json", "{'writeOffId':'SS-2026-03-diff','postingDate':'2026-04-20','text':'Difference',"
                        + "'account':'3090','amount':'-2.50'}",
                "commands/SetPartyApplicationMethod.schema.json", "{'applicationMethod':'SALDO'}",
                "commands/ApplyPayment.schema.json", "{'paymentId':'PAY-1','party':'REGION-H','postingDate':'2026-04-20',"
                        + "'text':'Indbetaling','cashAccount':'5820','amount':'46852.75','applications':[{'openItemId':'SS-2026-03'}]}",
                "commands/ApplyOpenItems.schema.json", "{'applicationId':'APP-1','party':'REGION-H','postingDate':'2026-04-21',"
                        + "'text':'Kreditnota','applications':[{'openItemId':'INV-7'},{'openItemId':'CM-2'}]}",
                "commands/PostJournalEntry.schema.json", "{'entryId':'JE-1','postingDate':'2026-03-31','text':'Husleje','lines':"
                        + "[{'account':'6100','debit':'12000.00'},{'account':'5820','credit':'12000.00'}]}");
        for (var body : bodies.entrySet()) {
            assertThat(validate(body.getKey(), JSON.readTree(body.getValue().replace('\'', '"')))).as(body.getKey()).isEmpty();
        }
        assertThat(validate("commands/PostJournalEntry.schema.json", JSON.readTree(("{'entryId':'JE-1','postingDate':'2026-03-31',"
                + "'lines':[{'account':'6100','debit':12000.00},{'account':'5820','credit':'12000.00'}]}").replace('\'', '"'))))
                .as("a JSON number in a command").isNotEmpty();
    }

    // ---------------------------------------------------------------- commands over Kafka

    /** The command samples of the types the ledger takes on {@code ledger.commands}. */
    static Stream<Record> kafkaCommands() {
        return commands().filter(c -> LedgerCommandTypes.of(c.getClass().getSimpleName()).isPresent());
    }

    static ObjectNode message(Object command) {
        // a commandId is ASCII, so the sender spells the ø of a type name out
        String commandId = "cmd-" + LedgerCommandTypes.nameOf(command).replace("ø", "oe");
        return JSON.valueToTree(new LedgerCommandMessage(commandId, LedgerCommandTypes.nameOf(command),
                JSON.valueToTree(command), "settlement-service", "SS-2026-03"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kafkaCommands")
    void eachCommandInACommandMessageValidatesAgainstTheMessageSchema(Record command) {
        JsonNode json = message(command);
        assertThat(validate("command-message.schema.json", json)).as(json.toString()).isEmpty();
    }

    @Test
    void commandMessageSchemaMatchesTheRecordAndNamesEveryCommandType() throws IOException {
        JsonNode schema = read("schemas/command-message.schema.json");
        assertFieldsMatch(LedgerCommandMessage.class, schema.get("properties"));
        assertThat(schema.at("/properties/type/enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(LedgerCommandTypes.names());
        List<String> dispatched = schema.get("allOf").findValues("const").stream().map(JsonNode::asText).toList();
        assertThat(dispatched).containsExactlyInAnyOrderElementsOf(LedgerCommandTypes.names());
        Set<String> commandSchemas = schemaFiles("commands");
        for (JsonNode branch : schema.get("allOf")) {
            String type = branch.at("/if/properties/type/const").asText();
            assertThat(LedgerCommandTypes.of(type)).as(type).get().extracting(Class::getSimpleName).isEqualTo(type);
            assertThat(commandSchemas).as("every command type of ledger.commands has a command schema").contains(type + ".schema.json");
            assertThat(branch.at("/then/properties/payload").findValues("$ref")).extracting(JsonNode::asText)
                    .as("the payload of a %s message is checked against its command schema", type)
                    .containsExactly(uri("commands/" + type + ".schema.json"));
        }
        assertThat(kafkaCommands().map(c -> c.getClass().getSimpleName()).collect(Collectors.toSet()))
                .as("a sample of every command type of ledger.commands")
                .containsExactlyInAnyOrderElementsOf(LedgerCommandTypes.names());
    }

    @Test
    void aCommandMessageOutsideTheContractFailsValidation() {
        String path = "command-message.schema.json";
        ObjectNode writeOff = message(new BookWriteOff("SS-2026-03", "WO-1", DAY, "Fondsbidrag", "7250", Money.of("412.50"), null));
        assertThat(validate(path, writeOff)).isEmpty();
        ObjectNode minimal = writeOff.deepCopy();
        minimal.remove("sender");
        minimal.remove("correlationId");
        assertThat(validate(path, minimal)).as("sender and correlationId are optional").isEmpty();
        assertThat(validate(path, minimal.deepCopy().putNull("sender").putNull("correlationId"))).as("or null").isEmpty();

        ObjectNode noId = writeOff.deepCopy();
        noId.remove("commandId");
        assertThat(validate(path, noId)).isNotEmpty();
        ObjectNode noPayload = writeOff.deepCopy();
        noPayload.remove("payload");
        assertThat(validate(path, noPayload)).isNotEmpty();
        assertThat(validate(path, writeOff.deepCopy().put("commandId", "has space"))).isNotEmpty();
        assertThat(validate(path, writeOff.deepCopy().put("type", "CancelEverything"))).isNotEmpty();
        assertThat(validate(path, writeOff.deepCopy().put("type", "SetPartyApplicationMethod"))).as("not taken over Kafka").isNotEmpty();
        assertThat(validate(path, writeOff.deepCopy().put("correlationId", "not safe!"))).isNotEmpty();
        assertThat(validate(path, writeOff.deepCopy().put("comment", "x"))).isNotEmpty();
        assertThat(validate(path, writeOff.deepCopy().put("type", "ReverseEntry"))).as("payload of another type").isNotEmpty();

        ObjectNode numberAmount = writeOff.deepCopy();
        ((ObjectNode) numberAmount.get("payload")).set("amount", DecimalNode.valueOf(new BigDecimal("412.50")));
        assertThat(validate(path, numberAmount)).isNotEmpty();
        ObjectNode noItem = writeOff.deepCopy();
        ((ObjectNode) noItem.get("payload")).remove("openItemId");
        assertThat(validate(path, noItem)).as("openItemId, from the path over REST, is required here").isNotEmpty();
        ObjectNode reversal = message(new ReverseEntry("WO-1", "WO-1-rev", DAY, "Forkert konto"));
        assertThat(validate(path, reversal)).isEmpty();
        ((ObjectNode) reversal.get("payload")).remove("entryId");
        assertThat(validate(path, reversal)).as("entryId, from the path over REST, is required here").isNotEmpty();

        for (Record debtCommand : List.of(new OffsetSkyldigtBeløb("D-1", "D-1-off", Money.of("5.00"), DAY, null),
                new PaySkyldigtBeløb("D-1", "D-1-pay", Money.of("5.00"), DAY, "5820"),
                new WriteOffSkyldigtBeløb("D-1", "D-1-wo", Money.of("5.00"), DAY))) {
            ObjectNode json = message(debtCommand);
            assertThat(validate(path, json)).as(json.toString()).isEmpty();
            ((ObjectNode) json.get("payload")).remove("debtId");
            assertThat(validate(path, json)).as("debtId, from the path over REST, is required here: " + json).isNotEmpty();
        }
        ObjectNode register = message(new RegisterSkyldigtBeløb("D-1", "K5", "1001", DebtKind.AUTO, Money.of("5.00"), DAY, null, "0000000170"));
        assertThat(validate(path, register)).isEmpty();
        ((ObjectNode) register.get("payload")).put("kind", "SOMETIMES");
        assertThat(validate(path, register)).as("the payload is checked against commands/RegisterSkyldigtBeløb.schema.json").isNotEmpty();
        ObjectNode offsetAsPayment = message(new OffsetSkyldigtBeløb("D-1", "D-1-off", Money.of("5.00"), DAY, null));
        assertThat(validate(path, offsetAsPayment.put("type", "PaySkyldigtBeløb"))).as("payload of another type").isNotEmpty();
        assertThat(validate(path, message(new CloseYear("CLOSE-2026", 2026, null)))).as("not taken over Kafka").isNotEmpty();
    }

    @Test
    void commandResultSchemaMatchesTheRecord() throws IOException {
        JsonNode schema = read("schemas/command-result.schema.json");
        assertFieldsMatch(LedgerCommandResult.class, schema.get("properties"));
        assertThat(schema.at("/properties/status/enum")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(LedgerCommandResult.Status.values()).map(Enum::name).toList());
    }

    @Test
    void commandResultsAsSerialisedValidateAndAnAnswerOutsideTheContractDoesNot() {
        String path = "command-result.schema.json";
        for (LedgerCommandResult result : List.of(LedgerCommandResult.accepted("WO-1", "POSTED"),
                LedgerCommandResult.accepted("WO-1", "REPLAYED"),
                LedgerCommandResult.rejected("PAY-1", 422, "cannot apply 1000.00 to open item SS-2026-03: only 975.00 remains"),
                LedgerCommandResult.rejected("x", 400, "unknown command type 'CancelEverything'"))) {
            ObjectNode json = JSON.valueToTree(result);
            assertThat(validate(path, json)).as(json.toString()).isEmpty();
            assertThat(json.has(result.status() == LedgerCommandResult.Status.ACCEPTED ? "error" : "outcome"))
                    .as("null fields are left out: " + json).isFalse();
        }
        ObjectNode accepted = JSON.valueToTree(LedgerCommandResult.accepted("WO-1", "POSTED"));
        ObjectNode rejected = JSON.valueToTree(LedgerCommandResult.rejected("WO-1", 409, "id 'WO-1' is already used"));
        ObjectNode noOutcome = accepted.deepCopy();
        noOutcome.remove("outcome");
        assertThat(validate(path, noOutcome)).isNotEmpty();
        assertThat(validate(path, accepted.deepCopy().put("outcome", "DONE"))).isNotEmpty();
        assertThat(validate(path, accepted.deepCopy().put("error", "x"))).isNotEmpty();
        assertThat(validate(path, rejected.deepCopy().put("outcome", "POSTED"))).isNotEmpty();
        assertThat(validate(path, rejected.deepCopy().put("errorStatus", 418))).isNotEmpty();
        assertThat(validate(path, rejected.deepCopy().put("errorStatus", 500))).as("a command parked after failing on each delivery").isEmpty();
        // issue 15: answers never carry unbounded input
        assertThat(validate(path, rejected.deepCopy().put("commandId", "x".repeat(121)))).isNotEmpty();
        assertThat(validate(path, rejected.deepCopy().put("commandId", ".."))).isNotEmpty();
        assertThat(validate(path, rejected.deepCopy().put("error", "x".repeat(1001)))).isNotEmpty();
        ObjectNode noDetail = rejected.deepCopy();
        noDetail.remove("error");
        assertThat(validate(path, noDetail)).isNotEmpty();
        assertThat(validate(path, accepted.deepCopy().put("status", "MAYBE"))).isNotEmpty();
    }

    // ---------------------------------------------------------------- posting definitions, funds, year-end, employee debts

    @ParameterizedTest
    @ValueSource(strings = {"5820", "61.50", "0000000170", "101-66100", "101-66100-150", "101-606400-OU_1-OU_3566-Training",
            "a-b-c-d-e", "12345678901234567890-12345678901234567890"})
    void anAccountIsOneSegmentOrUpToFiveJoinedByADash(String account) {
        assertThat(validate("commands/OpenAccount.schema.json", JSON.valueToTree(new OpenAccount(account, "Konto", AccountType.ASSET))))
                .as(account).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-5820", "5820-", "101--150", "a-b-c-d-e-f", "123456789012345678901", "101-123456789012345678901",
            "101 66100", "101/66100", "101- -"})
    void anAccountWithAnEmptyOrTooLongSegmentOrTooManySegmentsFailsValidation(String account) {
        assertThat(validate("commands/OpenAccount.schema.json", JSON.valueToTree(new OpenAccount(account, "Konto", AccountType.ASSET))))
                .as(account).isNotEmpty();
    }

    @Test
    void generatedByIsTheLedgersToSetAndHasItsOwnShape() {
        String event = "events/JournalEntryPosted.schema.json";
        ObjectNode posted = JSON.valueToTree(events().filter(e -> e instanceof JournalEntryPosted p && p.entryId().equals("B-1"))
                .findFirst().orElseThrow());
        assertThat(posted.at("/lines/0/generatedBy/definitionId").asText()).isEqualTo("BUDGET");
        assertThat(posted.at("/budgetLines/0").has("generatedBy")).as("absent on lines the entry was given").isFalse();
        assertThat(validate(event, posted)).isEmpty();
        ObjectNode rowZero = posted.deepCopy();
        ((ObjectNode) rowZero.at("/lines/0/generatedBy")).put("row", 0);
        assertThat(validate(event, rowZero)).as("rows are numbered from 1").isNotEmpty();
        ObjectNode extra = posted.deepCopy();
        ((ObjectNode) extra.at("/lines/0/generatedBy")).put("priority", 1);
        assertThat(validate(event, extra)).isNotEmpty();
        ObjectNode noVersion = posted.deepCopy();
        ((ObjectNode) noVersion.at("/lines/0/generatedBy")).remove("version");
        assertThat(validate(event, noVersion)).isNotEmpty();
        ObjectNode noBudgetLines = posted.deepCopy();
        noBudgetLines.remove("budgetLines");
        assertThat(validate(event, noBudgetLines)).as("budgetLines is always there (empty when none), also on upcast revision 1 entries")
                .isNotEmpty();
        ObjectNode stringVersion = posted.deepCopy();
        ((ObjectNode) stringVersion.at("/lines/0/generatedBy")).put("version", "2");
        assertThat(validate(event, stringVersion)).isNotEmpty();

        // In a command the schema lets generatedBy through (the shape is postingLine's); the ledger refuses it with 400.
        String command = "commands/PostJournalEntry.schema.json";
        ObjectNode entry = JSON.valueToTree(new PostJournalEntry("JE-1", DAY, null, null,
                List.of(PostingLine.debit("6100", Money.of("1.00")).generatedBy(BY_BUDGET), PostingLine.credit("5820", Money.of("1.00")))));
        assertThat(validate(command, entry)).isEmpty();
        ((ObjectNode) entry.at("/lines/0/generatedBy")).put("row", "first");
        assertThat(validate(command, entry)).isNotEmpty();
    }

    @Test
    void onlyABudgetEntryMayHaveASingleLineAndATransactionTypeMustBeKnown() {
        String path = "commands/PostJournalEntry.schema.json";
        List<PostingLine> one = List.of(PostingLine.credit("101-606400-OU_1-OU_3566-Training", Money.of("250.00")));
        assertThat(validate(path, JSON.valueToTree(new PostJournalEntry("B-1", DAY, null, "BUDGET_ORIGINAL", one)))).isEmpty();
        assertThat(validate(path, JSON.valueToTree(new PostJournalEntry("B-1", DAY, null, "SETTLEMENT", one)))).isNotEmpty();
        assertThat(validate(path, JSON.valueToTree(new PostJournalEntry("B-1", DAY, null, null, one)))).isNotEmpty();
        assertThat(validate(path, JSON.valueToTree(new PostJournalEntry("B-1", DAY, null, "BUDGET_ORIGINAL", List.of())))).isNotEmpty();
        assertThat(validate(path, JSON.valueToTree(new PostJournalEntry("JE-2", DAY, null, "RENT", TWO_LINES)))).isNotEmpty();
        assertThat(validate(path, JSON.valueToTree(new PostJournalEntry("JE-2", DAY, null, "settlement", TWO_LINES)))).isNotEmpty();
        assertThat(validate("commands/BookWriteOff.schema.json", JSON.valueToTree(
                new BookWriteOff("SS-1", "WO-1", DAY, null, "7250", Money.of("1.00"), null, "RENT")))).isNotEmpty();
        assertThat(validate("commands/ApplyPayment.schema.json", JSON.valueToTree(new ApplyPayment("PAY-1", "REGION-H", DAY, null,
                "5820", Money.of("1.00"), null, "1100", OpenItemKind.RECEIVABLE, "RENT")))).isNotEmpty();
        assertThat(validate("commands/ApplyOpenItems.schema.json", JSON.valueToTree(new ApplyOpenItems("APP-1", "REGION-H", DAY, null,
                List.of(new Application("A", null, null), new Application("B", null, null)), "RENT")))).isNotEmpty();
    }

    static ObjectNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** Invalid samples of the new commands: each is refused by its schema (and by the ledger, with a 400). */
    static Stream<org.junit.jupiter.params.provider.Arguments> invalidCommands() {
        ObjectNode definition = tree(new RegisterPostingDefinition("BUDGET", TransactionTypes.BUDGET_ORIGINAL, null, BUDGET_ROWS));
        ObjectNode closeYear = tree(new CloseYear("CLOSE-2026", 2026, "GOVERNMENTAL"));
        ObjectNode fund = tree(new RegisterFund("101", "Kassen", "GOVERNMENTAL"));
        ObjectNode register = tree(new RegisterSkyldigtBeløb("D-1", "K5", "1001", DebtKind.AUTO, Money.of("3200.00"), DAY, "2026-03", "0000000170"));
        ObjectNode offset = tree(new OffsetSkyldigtBeløb("D-1", "D-1-off", Money.of("5.00"), DAY, "2026-04"));
        ObjectNode pay = tree(new PaySkyldigtBeløb("D-1", "D-1-pay", Money.of("5.00"), DAY, "5820"));
        ObjectNode writeOff = tree(new WriteOffSkyldigtBeløb("D-1", "D-1-wo", Money.of("5.00"), DAY));
        return Stream.of(
                invalid("a generated side UP", "RegisterPostingDefinition", definition, d -> ((ObjectNode) d.at("/rows/0/generated/0")).put("side", "UP")),
                invalid("priority 0", "RegisterPostingDefinition", definition, d -> ((ObjectNode) d.at("/rows/0")).put("priority", 0)),
                invalid("no priority", "RegisterPostingDefinition", definition, d -> ((ObjectNode) d.at("/rows/0")).remove("priority")),
                invalid("accountStructure ASSET", "RegisterPostingDefinition", definition, d -> ((ObjectNode) d.at("/rows/0")).put("accountStructure", "ASSET")),
                invalid("no rows", "RegisterPostingDefinition", definition, d -> d.putArray("rows")),
                invalid("an unknown transaction type", "RegisterPostingDefinition", definition, d -> d.put("transactionType", "RENT")),
                invalid("no transaction type", "RegisterPostingDefinition", definition, d -> d.remove("transactionType")),
                invalid("a match mask of 6 segments", "RegisterPostingDefinition", definition, d -> ((ObjectNode) d.at("/rows/0")).put("matchAccount", "1-2-3-4-5-6")),
                invalid("a generated account of blank segments only", "RegisterPostingDefinition", definition,
                        d -> ((ObjectNode) d.at("/rows/0/generated/0")).put("account", " - ")),
                invalid("an empty generated account", "RegisterPostingDefinition", definition, d -> ((ObjectNode) d.at("/rows/0/generated/0")).put("account", "")),
                invalid("a generated account with a slash", "RegisterPostingDefinition", definition,
                        d -> ((ObjectNode) d.at("/rows/0/generated/0")).put("account", "36/300")),
                invalid("a generated entry without side", "RegisterPostingDefinition", definition, d -> ((ObjectNode) d.at("/rows/0/generated/0")).remove("side")),
                invalid("an unknown row field", "RegisterPostingDefinition", definition, d -> ((ObjectNode) d.at("/rows/0")).put("amount", "1.00")),
                invalid("no definitionId", "RetirePostingDefinition", tree(new RetirePostingDefinition("BUDGET")), d -> d.remove("definitionId")),
                invalid("a definitionId with a space", "RetirePostingDefinition", tree(new RetirePostingDefinition("BUDGET")), d -> d.put("definitionId", "B 1")),
                invalid("a fund of two segments", "RegisterFund", fund, d -> d.put("fund", "101-66100")),
                invalid("no name", "RegisterFund", fund, d -> d.remove("name")),
                invalid("a fund class with a space", "RegisterFund", fund, d -> d.put("fundClass", "NOT AN ID")),
                invalid("fiscalYear as a string", "CloseYear", closeYear, d -> d.put("fiscalYear", "2026")),
                invalid("fiscalYear 26", "CloseYear", closeYear, d -> d.put("fiscalYear", 26)),
                invalid("fiscalYear 2026.5", "CloseYear", closeYear, d -> d.put("fiscalYear", new BigDecimal("2026.5"))),
                invalid("no closingId", "CloseYear", closeYear, d -> d.remove("closingId")),
                invalid("kind SOMETIMES", "RegisterSkyldigtBeløb", register, d -> d.put("kind", "SOMETIMES")),
                invalid("an amount as a JSON number", "RegisterSkyldigtBeløb", register, d -> d.put("amount", new BigDecimal("3200.00"))),
                invalid("no employeeNo", "RegisterSkyldigtBeløb", register, d -> d.remove("employeeNo")),
                invalid("no employerId (employee numbers repeat across employers)", "RegisterSkyldigtBeløb", register,
                        d -> d.remove("employerId")),
                invalid("no debtId", "RegisterSkyldigtBeløb", register, d -> d.remove("debtId")),
                invalid("a counter account with a leading dash", "RegisterSkyldigtBeløb", register, d -> d.put("counterAccount", "-170")),
                invalid("a third decimal", "OffsetSkyldigtBeløb", offset, d -> d.put("amount", "5.005")),
                invalid("no offsetId", "OffsetSkyldigtBeløb", offset, d -> d.remove("offsetId")),
                invalid("an unknown field", "OffsetSkyldigtBeløb", offset, d -> d.put("outstanding", "0.00")),
                invalid("no cashAccount", "PaySkyldigtBeløb", pay, d -> d.remove("cashAccount")),
                invalid("a bad date", "PaySkyldigtBeløb", pay, d -> d.put("postingDate", "2026-02-30")),
                invalid("no writeOffId", "WriteOffSkyldigtBeløb", writeOff, d -> d.remove("writeOffId")),
                invalid("a writeOffAccount (the ledger chooses it)", "WriteOffSkyldigtBeløb", writeOff, d -> d.put("writeOffAccount", "22.91")));
    }

    private static org.junit.jupiter.params.provider.Arguments invalid(String what, String type, ObjectNode valid,
                                                                        java.util.function.Consumer<ObjectNode> spoil) {
        ObjectNode json = valid.deepCopy();
        spoil.accept(json);
        return org.junit.jupiter.params.provider.Arguments.of(type + ": " + what, "commands/" + type + ".schema.json", valid, json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCommands")
    void anInvalidSampleOfANewCommandFailsValidation(String what, String path, ObjectNode valid, ObjectNode invalid) {
        assertThat(validate(path, valid)).as("the sample it is made from is valid: " + valid).isEmpty();
        assertThat(validate(path, invalid)).as(invalid.toString()).isNotEmpty();
    }

    @Test
    void aDefinitionRowsMaskAndGeneratedAccountAreSegmentPatternsNotAccounts() {
        String path = "commands/RegisterPostingDefinition.schema.json";
        for (String mask : List.of("", "101", "101- -", " -66100", "101-66100-150-x-y")) {
            for (String generated : List.of("-36300", "- -36300", "101-36300", "2913", " -36300- ")) {
                ObjectNode json = tree(new RegisterPostingDefinition("D-1", "SETTLEMENT", null, List.of(new DefinitionRow(AccountStructure.ANY,
                        mask, 1, List.of(new GeneratedEntry(generated, GeneratedSide.SAME))))));
                assertThat(validate(path, json)).as(json.toString()).isEmpty();
            }
        }
        ObjectNode put = tree(new RegisterPostingDefinition(null, "SETTLEMENT", null, BUDGET_ROWS));
        assertThat(put.has("definitionId")).isFalse();
        assertThat(validate(path, put)).as("with PUT the definitionId comes from the path").isEmpty();
    }

    @Test
    void theDebtEventsTextIsAMethodNotAField() {
        for (LedgerEvent event : events().filter(e -> e.getClass().getSimpleName().startsWith("SkyldigtBeløb")).toList()) {
            ObjectNode json = JSON.valueToTree(event);
            assertThat(json.has("text")).as(json.toString()).isFalse();
            assertThat(json.has("postedEntryId")).as(json.toString()).isFalse();
            String path = "events/" + event.getClass().getSimpleName() + ".schema.json";
            assertThat(validate(path, json.deepCopy().put("text", "x"))).as("text is not part of the payload").isNotEmpty();
            ObjectNode noOutstandingOrDebtAccount = json.deepCopy();
            noOutstandingOrDebtAccount.remove(json.has("outstanding") ? "outstanding" : "debtAccount");
            assertThat(validate(path, noOutstandingOrDebtAccount)).isNotEmpty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static WriteOffBooked writeOff() {
        return new WriteOffBooked("WO-1", "SS-2026-03", null, DAY, "Fondsbidrag", "7250", Money.of("412.50"),
                List.of(PostingLine.debit("7250", Money.of("412.50")), PostingLine.credit("1100", Money.of("412.50"))));
    }

    private static void assertFieldsMatch(Class<?> record, JsonNode properties) {
        assertThat(properties).as(record.getSimpleName() + " has a properties object").isNotNull();
        assertThat(fieldNames(properties)).as(record.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList());
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(Stream<? extends Class<?>> types) {
        return types.map(Class::getSimpleName).toList();
    }

    /** The top-level records compiled into a package (nested types and interfaces are not counted). */
    private static Set<String> recordsIn(String packagePath) {
        Set<String> names = new TreeSet<>();
        for (String file : list("classpath*:" + packagePath + "/*.class")) {
            if (file.contains("$")) {
                continue;
            }
            String className = packagePath.replace('/', '.') + "." + file.substring(0, file.length() - ".class".length());
            try {
                if (Class.forName(className).isRecord()) {
                    names.add(file.substring(0, file.length() - ".class".length()));
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    private static Set<String> schemaFiles(String folder) {
        return new TreeSet<>(list("classpath*:schemas/" + folder + "/*"));
    }

    private static List<String> list(String pattern) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            return Arrays.stream(resources).map(Resource::getFilename).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String classpathResource) throws IOException {
        try (InputStream in = SchemasTest.class.getClassLoader().getResourceAsStream(classpathResource)) {
            assertThat(in).as(classpathResource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
