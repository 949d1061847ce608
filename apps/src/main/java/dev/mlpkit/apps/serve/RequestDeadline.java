package dev.mlpkit.apps.serve;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Answers 408 and closes a connection on which no new request has begun within the deadline while none is under way:
 * a client that sends its request line or headers a byte at a time is cut off, which the idle timeout alone would not
 * do (each byte resets it). A request under way is left to its own body deadline and to the classifiers.
 */
final class RequestDeadline implements Connection.Listener {

    private final Scheduler scheduler;
    private final long seconds;

    RequestDeadline(Scheduler scheduler, long seconds) {
        this.scheduler = scheduler;
        this.seconds = seconds;
    }

    @Override
    public void onOpened(Connection connection) {
        watch(connection, connection.getMessagesIn());
    }

    /** Checks, {@code seconds} from now, that a request has begun since {@code begun} requests, or one is under way. */
    private void watch(Connection connection, long begun) {
        scheduler.schedule(() -> {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long now = connection.getMessagesIn();
            boolean underWay = now > connection.getMessagesOut();
            if (now == begun && !underWay) {
                // As if idle: Jetty answers a request begun 408 (through JsonErrors) and closes the connection.
                if (connection.onIdleExpired(new TimeoutException("the request took too long to arrive"))) {
                    connection.close();
                }
            } else {
                watch(connection, now);
            }
        }, seconds, TimeUnit.SECONDS);
    }
}
