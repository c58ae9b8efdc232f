package org.cqpsuite.infra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Launcher of a child JVM that must not outlive the JVM that started it, even when that one dies by SIGKILL (a
 * Surefire fork killed on timeout, for example).
 *
 * <p>Usage: {@code ParentWatchingMain <parentPid|none> <main class> [args...]}. A daemon thread checks every second
 * that the parent process is still alive (same pid and same start time, so a recycled pid does not fool it) and
 * calls {@code System.exit(0)} when it is gone, which runs the shutdown hooks of the real program (the Kafka broker
 * shuts down cleanly). Then the real main class is invoked in this thread. {@code 0} or {@code none} disables
 * watching.
 *
 * <p>Depends on the JDK only: the child JVM has this class and the broker's jars on its classpath, nothing else.
 */
public final class ParentWatchingMain {

    private ParentWatchingMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: ParentWatchingMain <parentPid|none> <main class> [args...]");
            System.exit(2);
            return;
        }
        long parentPid = parsePid(args[0]);
        if (parentPid > 0) {
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
            if (parent.isEmpty() || !parent.get().isAlive()) {
                System.err.println("[cqp] parent process " + parentPid + " is already gone: not starting " + args[1]);
                System.exit(0);
                return;
            }
            Optional<Instant> parentStart = parent.get().info().startInstant();
            Thread watcher = new Thread(() -> watch(parentPid, parentStart), "cqp-parent-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static long parsePid(String value) {
        if (value == null || value.isBlank() || "none".equalsIgnoreCase(value.trim())) {
            return 0;
        }
        return Long.parseLong(value.trim());
    }

    private static void watch(long parentPid, Optional<Instant> parentStart) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
            boolean alive = parent.isPresent() && parent.get().isAlive()
                    && (parentStart.isEmpty() || parentStart.equals(parent.get().info().startInstant()));
            if (!alive) {
                System.err.println("[cqp] parent process " + parentPid + " is gone: shutting down");
                System.exit(0);
                return;
            }
        }
    }
}
