package dev.baton.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts a main class in a separate JVM with the test classpath and waits for marker lines on its stdout. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} with {@code args}; its stderr goes to {@code log}. */
    public static ChildJvm start(Class<?> mainClass, Path log, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path");
        if (classpath == null || classpath.isBlank()) {
            classpath = System.getProperty("java.class.path");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ChildJvm(process);
    }

    /**
     * Reads lines until one starts with {@code prefix}; the timeout only guards against a hung child and
     * plays no part in the synchronisation.
     *
     * @return the marker line
     */
    public String awaitLine(String prefix) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String next;
                while ((next = stdout.readLine()) != null) {
                    seen.add(next);
                    if (next.startsWith(prefix) || next.startsWith("UNEXPECTED")) {
                        return next;
                    }
                }
                return null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String found = line.get(120, TimeUnit.SECONDS);
        if (found == null || !found.startsWith(prefix)) {
            throw new AssertionError("child did not print '" + prefix + "'; it printed " + seen);
        }
        return found;
    }

    /** kill -9 and wait for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
