package io.policybot.signin.sql;

import io.policybot.signin.OidcLoginStore;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link OidcLoginStore} in SQL (table {@code oidc_login}, V15). */
public final class SqlOidcLoginStore implements OidcLoginStore {
    private final Database db;

    public SqlOidcLoginStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(Pending p) {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM oidc_login WHERE expires_at < ?", p.createdAt().minusSeconds(86_400));
            return Sql.update(c, "INSERT INTO oidc_login (state_hash, nonce, code_verifier, locale, created_at, "
                    + "expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?)", p.stateHash(), p.nonce(), p.codeVerifier(),
                    p.locale(), p.createdAt(), p.expiresAt(), Sql.NULL_BIGINT);
        });
    }

    @Override
    public Optional<Pending> consume(String stateHash, Instant now) {
        return db.inTransaction(c -> {
            int won = Sql.update(c, "UPDATE oidc_login SET used_at = ? WHERE state_hash = ? AND used_at IS NULL "
                    + "AND expires_at > ?", now, stateHash, now);
            if (won != 1) {
                return Optional.<Pending>empty();
            }
            return Sql.first(c, "SELECT state_hash, nonce, code_verifier, locale, created_at, expires_at "
                    + "FROM oidc_login WHERE state_hash = ?", SqlOidcLoginStore::pending, stateHash);
        });
    }

    private static Pending pending(Row r) throws SQLException {
        return new Pending(r.string("state_hash"), r.string("nonce"), r.string("code_verifier"), r.string("locale"),
                r.instant("created_at"), r.instant("expires_at"));
    }
}
