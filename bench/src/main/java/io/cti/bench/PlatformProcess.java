package io.cti.bench;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform started as its own process on the benchmark's classpath (so its heap and CPU are its own), its output
 * copied to a log file and shown line by line to a watcher, and reached over JMX (attached with the Attach API) for
 * heap-after-GC and CPU figures. Not thread-safe: one benchmark thread drives it.
 */
final class PlatformProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("CTI platform ready: http://[^:]+:(\\d+)/");

    private final Process process;
    private final int port;
    private VirtualMachine vm;
    private JMXConnector jmx;
    private MemoryMXBean memory;
    private com.sun.management.OperatingSystemMXBean os;

    private PlatformProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code CtiPlatformApplication} with {@code args} and waits (at most 5 minutes) for its ready line. */
    static PlatformProcess start(List<String> jvmOptions, List<String> args, Path log, Consumer<String> watcher)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.cti.platform.CtiPlatformApplication"));
        command.addAll(args);
        System.out.println("platform: java " + String.join(" ", jvmOptions)
                + " -cp <bench classpath> io.cti.platform.CtiPlatformApplication " + String.join(" ", args));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        port.complete(Integer.parseInt(ready.group(1)));
                    }
                    watcher.accept(line);
                }
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the platform stopped before it was ready; see " + log));
        }, "platform-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new PlatformProcess(process, port.get(5, TimeUnit.MINUTES));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Forces a full GC in the platform and returns the heap then used, in MB. */
    long heapAfterGcMb() throws Exception {
        connect();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** CPU seconds the platform's JVM has used so far. */
    double cpuSeconds() throws Exception {
        connect();
        return os.getProcessCpuTime() / 1e9;
    }

    private void connect() throws Exception {
        if (jmx != null) {
            return;
        }
        vm = VirtualMachine.attach(Long.toString(process.pid()));
        jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        MBeanServerConnection connection = jmx.getMBeanServerConnection();
        memory = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        os = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                com.sun.management.OperatingSystemMXBean.class);
    }

    @Override
    public void close() throws Exception {
        try {
            if (jmx != null) {
                jmx.close();
                vm.detach();
            }
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
