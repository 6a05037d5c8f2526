package dk.platform.settlement.support;

/**
 * SPEC §3's worked example as a request body, JSON or CSV, with the bank amount 0.05 off: the
 * service records it as REJECTED and sends nothing to the ledger, so the hostile-input and fuzz
 * tests can tell "stored" from "refused" without a saga running.
 */
public final class SettlementExample {

    private SettlementExample() {
    }

    public static String body(String statementId, String item) {
        return """
                {"statementId":"%s","party":"REGION-H","openItemId":"%s","settlementDate":"2026-04-20",\
                "cashAccount":"5820","bankAmount":"46852.70",\
                "fees":[{"text":"Fondsbidrag","amount":"412.50","account":"7250"},{"text":"Administrationsgebyr","amount":"137.25"}],\
                "rejected":[{"lineId":"practitioner-B","reference":"R-1007","amount":"850.00"}],\
                "difference":{"amount":"-2.50"}}""".formatted(statementId, item);
    }

    public static String csv(String statementId, String item) {
        return """
                statement,%s,REGION-H,%s,2026-04-20,5820,46852.70
                fee,Fondsbidrag,412.50,7250
                fee,Administrationsgebyr,137.25
                rejected,practitioner-B,R-1007,850.00
                difference,-2.50
                """.formatted(statementId, item);
    }
}
