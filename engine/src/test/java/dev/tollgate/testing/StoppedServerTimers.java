package dev.tollgate.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;
import java.util.Optional;
import java.util.TimerTask;

/**
 * Ends the idle-connection timers of Helidon servers that have stopped.
 *
 * <p>Helidon 4.5.0 gives every WebServer a {@code java.util.Timer} and never cancels it (helidon-io/helidon#11939,
 * fixed after 4.5.0). The timer's task holds the server's listener and so its router and every service behind it: a
 * suite that starts a few hundred services in one JVM keeps all of them in the heap. A production process starts one
 * server and never needs this. Needs {@code --add-opens java.base/java.util=ALL-UNNAMED} (surefire's argLine).
 */
public final class StoppedServerTimers {
    private static final String TIMER_THREAD = "helidon-idle-connection-timer";

    private StoppedServerTimers() {
    }

    /** Cancels every idle-connection timer whose listeners have all closed their server socket. */
    public static synchronized void cancel() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(TIMER_THREAD))
                .forEach(StoppedServerTimers::cancelIfStopped);
    }

    private static void cancelIfStopped(Thread timerThread) {
        try {
            Object queue = field(timerThread.getClass(), "queue").get(timerThread);
            synchronized (queue) {
                int size = (int) method(queue.getClass(), "size").invoke(queue);
                Method get = method(queue.getClass(), "get", int.class);
                for (int i = 1; i <= size; i++) { // the queue is a heap indexed from 1
                    if (!listenerStopped((TimerTask) get.invoke(queue, i))) {
                        return;
                    }
                }
                field(timerThread.getClass(), "newTasksMayBeScheduled").setBoolean(timerThread, false);
                method(queue.getClass(), "clear").invoke(queue);
                queue.notify();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach Helidon's idle-connection timer; is java.util opened?", e);
        }
    }

    /** The task's supplier captures its ServerListener; a listener never started has no socket and is left alone. */
    private static boolean listenerStopped(TimerTask task) throws ReflectiveOperationException {
        if (!task.getClass().getName().equals("io.helidon.webserver.IdleTimeoutHandler")) {
            return false;
        }
        Object supplier = field(task.getClass(), "connectionSupplier").get(task);
        Optional<Field> captured = Arrays.stream(supplier.getClass().getDeclaredFields())
                .filter(f -> f.getType().getName().equals("io.helidon.webserver.ServerListener"))
                .findFirst();
        if (captured.isEmpty()) {
            return false;
        }
        captured.get().setAccessible(true);
        Object listener = captured.get().get(supplier);
        ServerSocketChannel socket = (ServerSocketChannel) field(listener.getClass(), "serverSocket").get(listener);
        return socket != null && !socket.isOpen();
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method m = type.getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return m;
    }
}
