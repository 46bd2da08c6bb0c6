package io.policybot.store;

import java.util.function.Supplier;

/**
 * A unit of work across repositories: everything {@code work} writes through them commits together or not at all
 * (repository calls inside join it). Services use this instead of a connection, so they hold no SQL.
 */
@FunctionalInterface
public interface Transactions {
    <T> T atomically(Supplier<T> work);
}
