package io.policybot.signin.sql;

import io.policybot.signin.SignInLinkStore;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link SignInLinkStore} in SQL (table {@code sign_in_link}, V13). Expired links are deleted a day after expiry. */
public final class SqlSignInLinkStore implements SignInLinkStore {
    private static final String SELECT = "SELECT token_hash, platform, user_id, locale, created_at, expires_at, used_at "
            + "FROM sign_in_link WHERE token_hash = ?";
    private final Database db;

    public SqlSignInLinkStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(Link link) {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM sign_in_link WHERE expires_at < ?", link.createdAt().minusSeconds(86_400));
            return Sql.update(c, "INSERT INTO sign_in_link (token_hash, platform, user_id, locale, created_at, "
                    + "expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?)", link.tokenHash(), link.platform(),
                    link.userId(), link.locale(), link.createdAt(), link.expiresAt(), Sql.NULL_BIGINT);
        });
    }

    @Override
    public Optional<Consumed> consume(String tokenHash, Instant now) {
        return db.inTransaction(c -> {
            Optional<Link> before = Sql.first(c, SELECT, SqlSignInLinkStore::link, tokenHash);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            int won = Sql.update(c, "UPDATE sign_in_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                    + "AND expires_at > ?", now, tokenHash, now);
            return Optional.of(new Consumed(before.get(), won == 1));
        });
    }

    private static Link link(Row r) throws SQLException {
        return new Link(r.string("token_hash"), r.string("platform"), r.string("user_id"), r.string("locale"),
                r.instant("created_at"), r.instant("expires_at"), r.instant("used_at"));
    }
}
