package io.policybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void migrationsCreateTheSchemaFromAnEmptyFile() {
        assertTrue(!Files.exists(db.file()));
        Set<String> tables = db.database().read(c -> strings(c.createStatement(),
                "SELECT name FROM sqlite_master WHERE type = 'table'"));
        assertTrue(tables.containsAll(Set.of("person", "training_session", "training_answer", "training_completion",
                "acknowledgement", "question_log", "answer_feedback", "flyway_schema_history")), tables.toString());
        Set<String> versions = db.database().read(c -> strings(c.createStatement(),
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"));
        assertEquals(shippedMigrationVersions(), versions);
        assertTrue(versions.containsAll(Set.of("1", "2", "3", "4")), versions.toString());
    }

    /** The versions of the migration files bot-core ships for SQLite: every one of them must be applied. */
    private static Set<String> shippedMigrationVersions() {
        Set<String> versions = new TreeSet<>();
        for (String folder : List.of("/db/migration", "/db/vendor/sqlite")) {
            try (var files = Files.list(Path.of(DatabaseTest.class.getResource(folder).toURI()))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                        .map(n -> n.substring(1, n.indexOf("__"))).forEach(versions::add);
            } catch (java.io.IOException | java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return versions;
    }

    @Test
    void reopeningAMigratedFileChangesNothing() {
        db.database().inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO person (id, platform, "
                + "platform_user_id, display_name, first_seen_at) VALUES ('p1', 'slack', 'U1', 'Ann', 0)"));
        Database again = db.reopen();
        assertEquals(1, (int) again.read(c -> count(c, "SELECT COUNT(*) FROM person")));
        assertEquals(shippedMigrationVersions().size(),
                (int) again.read(c -> count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")));
    }

    @Test
    void connectionsUseWalForeignKeysAndABusyTimeout() {
        Database d = db.database();
        assertEquals("wal", d.read(c -> string(c, "PRAGMA journal_mode")));
        assertEquals("1", d.read(c -> string(c, "PRAGMA foreign_keys")));
        assertEquals(String.valueOf(Database.BUSY_TIMEOUT_MILLIS), d.read(c -> string(c, "PRAGMA busy_timeout")));
        assertEquals("1", d.inTransaction(c -> string(c, "PRAGMA foreign_keys")));
    }

    @Test
    void foreignKeysAreEnforced() {
        StoreException e = assertThrows(StoreException.class, () -> db.database().inTransaction(c ->
                c.createStatement().executeUpdate("INSERT INTO training_session (id, person_id, module, policy_id, "
                        + "policy_version, language, status, state, started_at, updated_at) "
                        + "VALUES ('s1', 'nobody', 'quiz', 'p', '1', 'en', 'active', '{}', 0, 0)")));
        assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        Database d = db.database();
        assertThrows(IllegalStateException.class, () -> d.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO person (id, platform, platform_user_id, display_name, "
                    + "first_seen_at) VALUES ('p1', 'slack', 'U1', 'Ann', 0)");
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, (int) d.read(c -> count(c, "SELECT COUNT(*) FROM person")));
    }

    @Test
    void aNestedTransactionJoinsTheOuterOneAndReadsSeeItsWrites() {
        Database d = db.database();
        int seen = d.inTransaction(c -> {
            d.inTransaction(inner -> inner.createStatement().executeUpdate("INSERT INTO person (id, platform, "
                    + "platform_user_id, display_name, first_seen_at) VALUES ('p1', 'slack', 'U1', 'Ann', 0)"));
            return d.read(r -> count(r, "SELECT COUNT(*) FROM person"));
        });
        assertEquals(1, seen);
    }

    @Test
    void aTemporaryDatabaseIsDeletedOnClose() {
        Database temp = Database.temporary();
        List<String> files = new ArrayList<>();
        temp.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA database_list")) {
                rs.next();
                files.add(rs.getString("file"));
            }
            return null;
        });
        assertTrue(Files.exists(java.nio.file.Path.of(files.getFirst())));
        temp.close();
        assertTrue(!Files.exists(java.nio.file.Path.of(files.getFirst()).getParent()));
        assertThrows(StoreException.class, () -> temp.read(c -> 1));
    }

    private static Set<String> strings(Statement st, String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (st; ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String string(java.sql.Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int count(java.sql.Connection c, String sql) throws SQLException {
        return Integer.parseInt(string(c, sql));
    }
}
