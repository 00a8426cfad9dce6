package io.cti.bridge.connection;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An asterisk-java connection that the link can kill for good. asterisk-java reconnects on its own, forever, at a
 * fixed interval, on a thread of its own; the link wants its own capped backoff and a fresh connection per login
 * instead. {@link #retire()} closes the socket first (which unblocks a writer stuck on a half-open link), refuses
 * any socket asterisk-java's own reconnect thread asks for afterwards, and logs off so that thread ends. It also
 * makes sure asterisk-java's dispatch thread ends with the connection: in 3.41 the reader stops that thread by
 * queueing a poison pill and only then setting the stop flag, so the thread can take the pill, see no flag, and
 * park in a one-minute poll; repeated drops would then pile up threads. Finally it counts the events asterisk-java
 * loses on the way (see {@link SequencingSocket}): each gap in the numbers of dispatched events is reported to its
 * {@link EventLoss}; and, at retirement, how many events had been read from the socket but not yet dispatched
 * (see {@link #undeliveredSince}). Thread-safe.
 */
final class RetirableConnection extends ManagerConnectionImpl {

    private static final Logger log = LoggerFactory.getLogger(RetirableConnection.class);

    private static final long PUMP_GRACE_MILLIS = 300;

    private final Set<Thread> dispatchThreads = ConcurrentHashMap.newKeySet();
    private volatile boolean retired;
    private volatile SequencingSocket socket;
    private final long createdAt = System.nanoTime();
    private final EventTypes types;
    private final EventLoss loss;
    /** The number of the last numbered event dispatched; written by the dispatch thread only. */
    private int lastSequence;
    /** {@link #lastSequence}, published cheaply (an ordered store, no fence) for the link's supervisor. */
    private final AtomicInteger dispatched = new AtomicInteger();

    RetirableConnection(EventTypes types, EventLoss loss) {
        this.types = types;
        this.loss = loss;
    }

    /** Every event reaches the listeners through here, on asterisk-java's dispatch thread: remember that thread. */
    @Override
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        dispatchThreads.add(Thread.currentThread());
        countLost(event);
        super.dispatchEvent(event, requiredHandlingTime);
    }

    /**
     * Events asterisk-java made up itself (connect, disconnect, legacy twins) carry no number and are skipped. A
     * drop shows as a gap, so it is counted when the next numbered event arrives.
     */
    private void countLost(ManagerEvent event) {
        Integer sequence = event.getSequenceNumber();
        if (sequence == null || !types.available()) {
            return;
        }
        long lost = lastSequence == 0 ? sequence - 1L : SequencingSocket.gap(lastSequence, sequence);
        lastSequence = sequence;
        dispatched.lazySet(sequence);
        if (lost > 0) {
            log.error("asterisk-java dropped {} AMI events: its dispatch queue was full", lost);
            loss.dropped(lost);
        }
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        if (retired) {
            throw new IOException("connection retired by the AMI link; it reconnects with a fresh one");
        }
        SequencingSocket created = new SequencingSocket(super.createSocket(), types, loss);
        socket = created;
        if (retired) {
            // retire() ran while the socket was being opened: it must not outlive the connection.
            closeQuietly(created);
            throw new IOException("connection retired by the AMI link while connecting");
        }
        return created;
    }

    /**
     * When the socket last finished reading a frame (as {@link System#nanoTime()}); the connection's creation
     * until a socket exists. Any thread; cheap (one volatile read).
     */
    long lastReadNanos() {
        SequencingSocket current = socket;
        return current == null ? createdAt : current.lastReadNanos();
    }

    /** The number of the last numbered event handed to the listeners so far (0 = none). Any thread. */
    int dispatchedSequence() {
        return dispatched.get();
    }

    /**
     * Events read from the socket and numbered, but not handed to the listeners by the time the dispatch
     * thread had reached event number {@code dispatchedSequence} (from {@link #dispatchedSequence()}): call it
     * after {@link #retire()} to learn how many events were read and then thrown away (still in asterisk-java's
     * dispatch queue, or being built by its reader). Exact up to the one event the dispatch thread may have been
     * handing over at the moment {@code dispatchedSequence} was taken. It cannot see what never reached the reader:
     * bytes still in the kernel's socket buffers or in flight when the socket closed, nor events of a socket that
     * asterisk-java opened by itself (its own reconnects, which the link refuses).
     */
    long undeliveredSince(int dispatchedSequence) {
        SequencingSocket current = socket;
        if (current == null) {
            return 0;
        }
        int read = current.numbered();
        if (read == dispatchedSequence || read == 0) {
            return 0;
        }
        return SequencingSocket.gap(dispatchedSequence, read) + 1;
    }

    /**
     * Makes asterisk-java's own reconnect thread (started as it dispatches a DisconnectEvent, first attempt after
     * 50 ms) fail at once instead of opening a socket: the link reconnects on a fresh connection instead. Never
     * blocks, so it is safe on asterisk-java's dispatch thread.
     */
    void refuseReconnects() {
        retired = true;
    }

    /** Closes this connection for good; idempotent, and never waits for the PBX. */
    void retire() {
        retired = true;
        SequencingSocket current = socket;
        if (current != null) {
            closeQuietly(current);
        }
        try {
            logoff();
        } catch (IllegalStateException e) {
            // Not connected (login failed, or asterisk-java already gave up): nothing is left to log off.
            log.debug("retired connection was not logged in: {}", e.getMessage());
        }
        endDispatchThreads();
    }

    /**
     * Waits briefly for the dispatch thread to finish what the reader queued, then wakes it if it is parked in
     * its poll (see the class comment); woken, it sees its stop flag and ends.
     */
    private void endDispatchThreads() {
        long deadline = System.nanoTime() + PUMP_GRACE_MILLIS * 1_000_000;
        while (true) {
            dispatchThreads.removeIf(thread -> !thread.isAlive());
            if (dispatchThreads.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                dispatchThreads.stream().filter(thread -> thread != Thread.currentThread()
                        && thread.getState() == Thread.State.TIMED_WAITING).forEach(Thread::interrupt);
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Logs off first (the PBX is answering), then retires; for an orderly close, not for a lost link. */
    void closePolitely() {
        try {
            logoff();
        } catch (IllegalStateException e) {
            // Not logged in any more: retiring is all that is left to do.
            log.debug("connection was not logged in at close: {}", e.getMessage());
        }
        retire();
    }

    private static void closeQuietly(SocketConnectionFacade socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The socket is being abandoned either way; a failed close only means it is already gone.
            log.debug("closing a retired AMI socket failed: {}", e.getMessage());
        }
    }
}
