package dk.platform.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Runs the launcher as a child JVM the way run-local.sh does, its output captured in files. */
final class LauncherProcess {

    final Process process;
    final Path stdout;
    final Path stderr;

    private LauncherProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static LauncherProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(), "-Xmx384m", "-cp", classpath(),
                LocalStack.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "launcher", ".out");
        Path err = Files.createTempFile(workDir, "launcher", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // the stack under test starts its own servers, whatever the machine's environment says
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.endsWith("_PORT")
                || key.equals("DATA_DIR") || key.equals("REPO_ROOT"));
        builder.environment().putAll(env);
        return new LauncherProcess(builder.start(), out, err);
    }

    /** The launcher's jar (or classes) plus lib/* beside it, as run-local.sh puts it together. */
    static String classpath() {
        try {
            Path self = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + KafkaNode.libDir().resolve("*");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String out() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Waits until stdout contains {@code text}; fails early when the launcher exits. */
    void awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (out().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("launcher exited with " + process.exitValue() + " before printing '" + text
                        + "'\nstdout:\n" + out() + "\nstderr:\n" + err());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("launcher did not print '" + text + "' within " + timeout + "\nstdout:\n" + out()
                + "\nstderr:\n" + err());
    }

    /** Kills the launcher and everything it started, for test clean-up. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Writes a jar running {@link FakeApp} at each of the three service jar paths under {@code root}. */
    static void writeFakeAppJars(Path root) throws IOException, URISyntaxException {
        Path classes = Path.of(FakeApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDir = classes.resolve(FakeApp.class.getPackageName().replace('.', '/'));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeApp.class.getName());
        for (String jar : List.of(LocalStack.LEDGER_JAR, LocalStack.SETTLEMENT_JAR, LocalStack.PAYROLL_JAR)) {
            Path file = root.resolve(jar);
            Files.createDirectories(file.getParent());
            try (OutputStream os = Files.newOutputStream(file);
                 JarOutputStream out = new JarOutputStream(os, manifest);
                 Stream<Path> files = Files.list(packageDir)) {
                for (Path cls : files.filter(p -> p.getFileName().toString().startsWith("FakeApp")).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(cls).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(cls));
                    out.closeEntry();
                }
            }
        }
    }
}
