package io.policybot.signin.sql;

import io.policybot.signin.ConsoleSessionStore;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link ConsoleSessionStore} in SQL (table {@code console_session}, V15). */
public final class SqlConsoleSessionStore implements ConsoleSessionStore {
    private final Database db;

    public SqlConsoleSessionStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(Stored s) {
        db.inTransaction(c -> Sql.update(c, "INSERT INTO console_session (id_hash, platform, user_id, locale, csrf, how, "
                + "created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.idHash(), s.platform(), s.userId(),
                s.locale(), s.csrf(), s.how(), s.createdAt(), s.lastSeenAt()));
    }

    @Override
    public Optional<Stored> find(String idHash) {
        return db.read(c -> Sql.first(c, "SELECT id_hash, platform, user_id, locale, csrf, how, created_at, last_seen_at "
                + "FROM console_session WHERE id_hash = ?", SqlConsoleSessionStore::stored, idHash));
    }

    @Override
    public void touch(String idHash, Instant lastSeenAt) {
        // Never back in time: two replicas touching at once leave the later time.
        db.inTransaction(c -> Sql.update(c, "UPDATE console_session SET last_seen_at = ? WHERE id_hash = ? "
                + "AND last_seen_at < ?", lastSeenAt, idHash, lastSeenAt));
    }

    @Override
    public void changeLocale(String idHash, String locale) {
        db.inTransaction(c -> Sql.update(c, "UPDATE console_session SET locale = ? WHERE id_hash = ?", locale, idHash));
    }

    @Override
    public boolean delete(String idHash) {
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM console_session WHERE id_hash = ?", idHash)) > 0;
    }

    @Override
    public int deleteExpired(Instant idleBefore, Instant createdBefore) {
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM console_session WHERE last_seen_at < ? "
                + "OR created_at < ?", idleBefore, createdBefore));
    }

    private static Stored stored(Row r) throws SQLException {
        return new Stored(r.string("id_hash"), r.string("platform"), r.string("user_id"), r.string("locale"),
                r.string("csrf"), r.string("how"), r.instant("created_at"), r.instant("last_seen_at"));
    }
}
