package io.policybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#backupTo}: a consistent copy of a SQLite database that is being written to meanwhile. */
class BackupTest {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileWritersRunIsWholeAndHoldsEverythingCommittedBeforeIt() throws Exception {
        SqlPersonRepository people = new SqlPersonRepository(db.database());
        for (int i = 0; i < 500; i++) {
            people.findOrCreate("slack", "U" + i, "Person " + i, T0);
        }
        AtomicBoolean copying = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger(500);
        Path copy = dir.resolve("backup.db");
        int before;
        int after;
        try (ExecutorService writers = Executors.newFixedThreadPool(3)) {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                running.add(CompletableFuture.runAsync(() -> {
                    // Writers keep going until the copy is done, and at least a few writes each.
                    for (int k = 0; copying.get() || k < 20; k++) {
                        int i = next.getAndIncrement();
                        people.findOrCreate("slack", "U" + i, "Person " + i, T0);
                    }
                }, writers));
            }
            before = people.all().size();
            db.database().backupTo(copy);
            copying.set(false);
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
            after = people.all().size();
        }
        assertTrue(after > before, "the writers went on during the copy");

        try (Database restored = Database.sqlite(copy)) {
            assertEquals("ok", restored.read(c -> {
                try (var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
            int inCopy = new SqlPersonRepository(restored).all().size();
            assertTrue(inCopy >= before && inCopy <= after, before + " <= " + inCopy + " <= " + after);
            assertEquals("Person 0", new SqlPersonRepository(restored).find("slack", "U0").orElseThrow().displayName());
        }
        assertFalse(Files.exists(dir.resolve("backup.db-wal")) && Files.size(dir.resolve("backup.db-wal")) > 0,
                "the copy is one file");
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("keep.db"), "precious");
        assertThrows(StoreException.class, () -> db.database().backupTo(existing));
        assertEquals("precious", Files.readString(existing));
    }
}
