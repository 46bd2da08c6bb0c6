package io.policybot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way the repositories talk SQL (in the spirit of jdbi's {@code Handle}): a statement, its arguments and,
 * for a query, a {@link RowMapper}. One binder for every argument:
 * {@link Instant} as epoch milliseconds, {@link LocalDate} as ISO text, booleans, numbers, text, and typed nulls
 * ({@link #NULL_BIGINT}, {@link #NULL_TEXT}, or {@link #millis(Instant)}). A bare {@code null} is bound untyped,
 * so the database takes its type from the statement (PostgreSQL refuses a VARCHAR null in a BIGINT column).
 * Runs on a connection that {@link Database#read} or {@link Database#inTransaction} hands out.
 */
public final class Sql {
    /** A null of a given {@link Types} type. */
    public record Null(int sqlType) {
    }

    public static final Null NULL_BIGINT = new Null(Types.BIGINT);
    public static final Null NULL_TEXT = new Null(Types.VARCHAR);

    /** Maps the current row of a result; never calls {@code next()}. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    private Sql() {
    }

    /** Every row the query returns, in its order. */
    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                Row row = new Row(rs);
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(row));
                }
                return out;
            }
        }
    }

    /** The first row the query returns, if any. */
    public static <T> Optional<T> first(Connection c, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(new Row(rs))) : Optional.empty();
            }
        }
    }

    /** Whether the query returns a row. */
    public static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        return first(c, sql, r -> Boolean.TRUE, args).isPresent();
    }

    /** The first column of the first row as a number (a COUNT, a MAX); 0 when it is null or there is no row. */
    public static long number(Connection c, String sql, Object... args) throws SQLException {
        return first(c, sql, r -> r.longValue(1), args).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs one statement for each argument list, in batches of 1,000; returns the rows changed in all. */
    public static int batch(Connection c, String sql, List<? extends List<?>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int changed = 0;
            int inBatch = 0;
            for (List<?> args : rows) {
                bind(ps, args.toArray());
                ps.addBatch();
                if (++inBatch == 1000) {
                    changed += count(ps.executeBatch());
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                changed += count(ps.executeBatch());
            }
            return changed;
        }
    }

    /** The argument list of one {@link #batch} row; unlike {@link List#of} it takes nulls. */
    public static List<Object> args(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** The binder: see the class comment. */
    public static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int at = i + 1;
            switch (values[i]) {
                case null -> ps.setNull(at, Types.NULL);
                case Null n -> ps.setNull(at, n.sqlType());
                case Instant t -> ps.setLong(at, t.toEpochMilli());
                case LocalDate d -> ps.setString(at, d.toString());
                case Boolean b -> ps.setBoolean(at, b);
                case Integer n -> ps.setInt(at, n);
                case Long n -> ps.setLong(at, n);
                case Double n -> ps.setDouble(at, n);
                case String s -> ps.setString(at, s);
                default -> ps.setString(at, values[i].toString());
            }
        }
    }

    /** A nullable time for a BIGINT column: its epoch milliseconds, or a typed null. */
    public static Object millis(Instant t) {
        return t == null ? NULL_BIGINT : t;
    }

    /** The instant as stored: milliseconds, so what a method returns equals what a later read returns. */
    public static Instant truncate(Instant t) {
        return t == null ? null : Instant.ofEpochMilli(t.toEpochMilli());
    }

    private static int count(int[] results) {
        int n = 0;
        for (int r : results) {
            n += r == Statement.SUCCESS_NO_INFO ? 1 : Math.max(r, 0);
        }
        return n;
    }
}
