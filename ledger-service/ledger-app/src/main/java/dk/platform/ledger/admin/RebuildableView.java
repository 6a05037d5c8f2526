package dk.platform.ledger.admin;

import java.util.List;

/**
 * A view the admin endpoints can checksum, verify and rebuild beside the live one. Each view's
 * package implements it: it knows its collections, how to build itself into a given
 * generation of them, and what SPEC §1.8 (and §5 for 61.50) means for its documents.
 */
public interface RebuildableView {

    /** The view's name; also the name of its live tracking processor. */
    String name();

    /** Its MongoDB collections by their generation-0 names, in checksum order. */
    List<String> collections();

    /** A fresh event handler that writes the view into the collections of {@code generation}. */
    Object projectionInto(int generation);

    /** The invariants, read from the view's collections in {@code generation}. */
    List<Invariant> invariants(int generation);

    /** One checked rule: its name, whether it holds, and the numbers (or the first offenders). */
    record Invariant(String name, boolean holds, String detail) {

        /** A rule checked on {@code checked} things (named by {@code what}); it holds when nothing offends. */
        public static Invariant of(String name, long checked, String what, List<String> offenders) {
            return new Invariant(name, offenders.isEmpty(), offenders.isEmpty() ? checked + " " + what + ", none offends"
                    : offenders.size() + " of " + checked + " " + what + " offend, first: "
                    + String.join("; ", offenders.subList(0, Math.min(5, offenders.size()))));
        }
    }
}
