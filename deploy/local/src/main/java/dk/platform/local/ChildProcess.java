package dk.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by the launcher (the Kafka broker or an app), its output appended to a log file.
 * It runs in its own session (setsid), so Ctrl-C in the terminal reaches only the launcher,
 * which then stops the children in order.
 */
final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Path logFile;
    private final Process process;

    private ChildProcess(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "---- " + java.time.Instant.now() + " starting " + name + ": "
                    + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            return new ChildProcess(name, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Runs a command to completion (with a time limit) and returns its exit code. */
    static int run(String name, List<String> command, Path workDir, Path logFile, Duration timeout) {
        ChildProcess child = start(name, command, Map.of(), workDir, logFile);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return child.process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.process.destroyForcibly();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    Process process() {
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM; see {@link #awaitExit}. */
    void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits until the deadline, then kills. Returns true when it stopped by itself. */
    boolean awaitExit(long deadlineNanos) {
        try {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0 && process.waitFor(left, TimeUnit.NANOSECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** Graceful stop: SIGTERM, wait up to {@code grace}, then SIGKILL. */
    boolean stop(Duration grace) {
        requestStop();
        return awaitExit(System.nanoTime() + grace.toNanos());
    }

    /** The last lines of the log, to show why something failed. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The java binary of the running JVM, so children use the same Java. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
