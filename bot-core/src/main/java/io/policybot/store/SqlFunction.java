package io.policybot.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection; may throw {@link SQLException}, which {@link Database} turns into a {@link StoreException}. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
