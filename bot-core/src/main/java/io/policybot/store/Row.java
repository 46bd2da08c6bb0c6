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

    /**
     * Every column of the row by its (lower-case) label, for a whole-record export: times ({@code *_at} columns) as
     * ISO-8601 instants, booleans as booleans on both databases (SQLite stores them as 0/1), the rest as read.
     */
    public java.util.Map<String, Object> columns() throws SQLException {
        java.sql.ResultSetMetaData meta = rs.getMetaData();
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
            String type = meta.getColumnTypeName(i) == null ? "" : meta.getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT);
            Object value;
            if (type.startsWith("bool")) {
                boolean b = rs.getBoolean(i);
                value = rs.wasNull() ? null : b;
            } else if (label.equals("at") || label.endsWith("_at")) {
                long millis = rs.getLong(i);
                value = rs.wasNull() ? null : Instant.ofEpochMilli(millis).toString();
            } else {
                value = rs.getObject(i);
                if (value instanceof Integer n) {
                    value = n.longValue(); // one number type whatever the driver chose
                }
            }
            out.put(label, value);
        }
        return out;
    }
}
