package io.cti.console.push;

import io.cti.console.access.ConsolePrincipal;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open push socket of one logged-in user, with its own bounded send queue. Frames are written with the
 * container's asynchronous send, one at a time, and never by the thread that offers them: offering only queues the
 * frame and, if the socket was idle, hands the sending to the sender executor. So the fan-out thread never enters the
 * container's send path for any socket (which can wait, e.g. behind a control frame on a jammed connection) and
 * whoever offers a frame returns at once. A client that stops reading lets its queue grow; past the limits (frames, bytes, or one frame taking too
 * long) it is cut off with close code {@value #TOO_SLOW} and the others never notice. Closing happens on another
 * thread, since closing a jammed connection can itself wait. Thread-safe.
 */
final class PushSession {

    /** Close code of a socket cut off for not reading: the client should reconnect (and gets a fresh snapshot). */
    static final int TOO_SLOW = 4429;
    /** Close code of a socket whose login session ended: the client must log in again. */
    static final int SESSION_ENDED = 4401;

    private static final Logger log = LoggerFactory.getLogger(PushSession.class);
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WebSocketSession socket;
    private final RemoteEndpoint.Async remote;
    private final ConsolePrincipal user;
    private final String httpSessionId;
    private final SendLimits limits;
    private final Executor sender;
    private final Executor closer;
    private final Runnable onCutOff;

    private final Object lock = new Object();
    private final ArrayDeque<OutboundFrame> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private long sendStartedNanos;
    private boolean closed;

    PushSession(WebSocketSession socket, jakarta.websocket.Session nativeSession, ConsolePrincipal user,
                String httpSessionId, SendLimits limits, Executor sender, Executor closer, Runnable onCutOff) {
        this.socket = socket;
        this.remote = nativeSession.getAsyncRemote();
        // The container ends a write that has not finished in this time, even when no further frame comes to notice.
        this.remote.setSendTimeout(limits.sendTime().toMillis());
        this.user = user;
        this.httpSessionId = httpSessionId;
        this.limits = limits;
        this.sender = sender;
        this.closer = closer;
        this.onCutOff = onCutOff;
        nativeSession.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, 1000L);
    }

    ConsolePrincipal user() {
        return user;
    }

    String httpSessionId() {
        return httpSessionId;
    }

    String id() {
        return socket.getId();
    }

    boolean isOpen() {
        synchronized (lock) {
            return !closed;
        }
    }

    /** Queues a frame and starts sending if idle; false when the socket is closed, or was cut off by this frame. */
    boolean offer(OutboundFrame frame) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            String overLimit = overLimit(frame);
            if (overLimit != null) {
                cutOff(overLimit);
                return false;
            }
            queue.add(frame);
            queuedBytes += frame.bytes();
            if (sending) {
                return true;
            }
            sending = true;
            // From now: waiting for a sender thread counts as the frame's time in flight.
            sendStartedNanos = System.nanoTime();
        }
        try {
            sender.execute(this::pump);
        } catch (RejectedExecutionException e) {
            failed(e); // shutting down
            return false;
        }
        return true;
    }

    /** Closes the socket with {@code code} (from any thread, without waiting). */
    void close(int code, String reason) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            markClosed();
        }
        closeLater(new CloseStatus(code, reason));
    }

    /** Forgets the socket after the client or the network closed it. */
    void closedByPeer() {
        synchronized (lock) {
            markClosed();
        }
    }

    private String overLimit(OutboundFrame frame) {
        if (queue.size() >= limits.frames()) {
            return queue.size() + " frames waiting";
        }
        if (queuedBytes + frame.bytes() > limits.bytes()) {
            return (queuedBytes + frame.bytes()) + " bytes waiting";
        }
        if (sending && System.nanoTime() - sendStartedNanos > limits.sendTime().toNanos()) {
            return "a frame in flight for over " + limits.sendTime().toMillis() + " ms";
        }
        return null;
    }

    /** Sends queued frames one by one until the queue is empty or a send is still in flight. */
    private void pump() {
        while (true) {
            OutboundFrame next;
            synchronized (lock) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
                queuedBytes -= next.bytes();
                sendStartedNanos = System.nanoTime();
            }
            // 0: in flight; 1: this thread moved on, the completion pumps; 2: completed before this thread moved on.
            AtomicInteger handOver = new AtomicInteger();
            try {
                remote.sendText(next.text(), result -> completed(result, handOver));
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (!handOver.compareAndSet(0, 1)) {
                continue; // completed at once: keep going here rather than nest calls
            }
            return;
        }
    }

    private void completed(SendResult result, AtomicInteger handOver) {
        if (!result.isOK()) {
            failed(result.getException());
        }
        if (!handOver.compareAndSet(0, 2)) {
            pump();
        }
    }

    private void failed(Throwable failure) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            log.debug("push socket {} of {} failed to send: {}", socket.getId(), user.username(), String.valueOf(failure));
            markClosed();
        }
        // Never inline: this may run inside the hub's fan-out, which must not see its sessions change under it.
        closer.execute(onCutOff);
        closeLater(CloseStatus.SERVER_ERROR);
    }

    private void cutOff(String why) {
        // Called holding the lock.
        log.warn("push socket {} of {} cut off: it stopped reading ({})", socket.getId(), user.username(), why);
        markClosed();
        closer.execute(onCutOff);
        closeLater(new CloseStatus(TOO_SLOW, "too slow: reconnect"));
    }

    private void markClosed() {
        closed = true;
        sending = false;
        queue.clear();
        queuedBytes = 0;
    }

    private void closeLater(CloseStatus status) {
        closer.execute(() -> {
            try {
                socket.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("closing push socket {} of {}: {}", socket.getId(), user.username(), e.toString());
            }
        });
    }
}
