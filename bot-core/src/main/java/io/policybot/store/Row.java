package io.policybot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The current row of a query, read the way {@link Sql} binds: times from epoch milliseconds, dates from ISO text,
 * nulls as Java nulls where a column may hold one. Columns by label or by position (from 1).
 */
public final class Row {
    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    public String string(String column) throws SQLException {
        return rs.getString(column);
    }

    public String string(int column) throws SQLException {
        return rs.getString(column);
    }

    public int integer(String column) throws SQLException {
        return rs.getInt(column);
    }

    public int integer(int column) throws SQLException {
        return rs.getInt(column);
    }

    public long longValue(int column) throws SQLException {
        return rs.getLong(column);
    }

    public boolean bool(String column) throws SQLException {
        return rs.getBoolean(column);
    }

    public boolean bool(int column) throws SQLException {
        return rs.getBoolean(column);
    }

    /** The number, or {@code orElse} when the column is null. */
    public double decimal(String column, double orElse) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? orElse : d;
    }

    /** The time, or null. */
    public Instant instant(String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** The time, or null. */
    public Instant instant(int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** The date, or null. */
    public LocalDate date(String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : LocalDate.parse(text);
    }
}
