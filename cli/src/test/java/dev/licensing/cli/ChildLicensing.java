package dev.licensing.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code licensing} main in a JVM of its own, for what one process cannot show: a kill, a small heap. */
final class ChildLicensing {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildLicensing(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code licensing args} with this maximum heap ({@code -Xmx}); its stdout and stderr go to files in {@code dir}. */
    static ChildLicensing start(Path dir, String maxHeap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
                "-cp", System.getProperty("java.class.path"), LicensingCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildLicensing(process, out, err);
    }

    /** Waits for the exit; fails the test when it takes longer than {@code seconds}. */
    int exitCode(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block, no rollback by the JVM. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as {@code kill} or a service manager sends it: the JVM runs its shutdown hooks. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String out() throws IOException {
        return Files.readString(out);
    }

    String err() throws IOException {
        return Files.readString(err);
    }
}
