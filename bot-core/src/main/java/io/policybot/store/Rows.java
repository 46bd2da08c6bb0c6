package io.policybot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/** Small JDBC conversions shared by the repositories: times as epoch milliseconds, dates as ISO text. */
public final class Rows {
    private Rows() {
    }

    public static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            switch (v) {
                case null -> ps.setNull(i + 1, Types.VARCHAR);
                case Instant t -> ps.setLong(i + 1, t.toEpochMilli());
                case LocalDate d -> ps.setString(i + 1, d.toString());
                case Boolean b -> ps.setBoolean(i + 1, b);
                case Integer n -> ps.setInt(i + 1, n);
                case Long n -> ps.setLong(i + 1, n);
                case Double n -> ps.setDouble(i + 1, n);
                default -> ps.setString(i + 1, v.toString());
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : LocalDate.parse(text);
    }

    /** The instant as stored: milliseconds, so what a method returns equals what a later read returns. */
    public static Instant millis(Instant t) {
        return t == null ? null : Instant.ofEpochMilli(t.toEpochMilli());
    }
}
