package io.cti.bridge.connection;

import io.cti.bridge.BridgeException;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ProtocolIdentifierReceivedEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bridge's one link to Asterisk's Manager Interface: logs in, keeps the link alive with pings, notices a
 * silent link within 10 s, and after any loss retires the asterisk-java connection and logs in again on a fresh
 * one after a capped exponential backoff. Every (re)login is reported to the {@link LinkListener} so it can
 * resynchronise.
 * <p>
 * Liveness is judged by what is <em>read</em>: the link is declared dead when nothing at all (no event, no answer)
 * has been read from the socket for {@code pingInterval + pingTimeout}; the pings make a quiet but healthy PBX
 * write something at least every {@code pingInterval}. Whether a ping's answer reached its callback in time is
 * not the test: in asterisk-java 3.41 answers reach their callbacks through the same bounded queue and single
 * dispatch thread as events, so a busy link whose listener is a few seconds behind would look dead. A late answer
 * on a link that keeps reading is reported as lag ({@code cti.bridge.ami.link.lagging}, and a warning), not as a
 * loss. The socket read timeout is set as well, as a second, independent bound.
 * <p>
 * When a connection is retired (lost or closed), events it had already read but not yet handed to the listener
 * are counted in {@code cti.bridge.ami.lost} and logged; see {@link RetirableConnection#undeliveredSince} for what
 * that can and cannot see (events still in the kernel's buffers are not countable; the resync after the next
 * login reconciles the calls they concerned).
 * <p>
 * Threads: one supervisor thread (login, keep-alive checks, reconnects: the link's state machine, which this class
 * keeps whole) and one writer thread ({@link ActionWriter}: every write to the socket, so that a write stuck on a
 * half-open link never blocks a caller); per login, asterisk-java's reader and dispatch threads, which end with the
 * login. Connections are made by {@link AmiConnections}. No thread is created per action or per reconnect attempt.
 * Thread-safe.
 */
public final class AmiLink implements AmiGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private final AmiLinkSettings settings;
    private final LinkListener listener;
    private final List<Class<? extends ManagerEvent>> userEventClasses;
    private final ScheduledExecutorService supervisor;
    private final ActionWriter writes;
    private final Backoff backoff;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LinkMeters meters;
    private final EventTypes eventTypes;
    private final EventLoss eventLoss;

    private volatile AmiLinkState state = AmiLinkState.DOWN;
    private volatile LinkSession current;
    /** Written by the supervisor thread only. */
    private long sessions;

    /**
     * @param userEventClasses UserEvent subclasses to register with every connection; asterisk-java drops any
     *                         custom UserEvent it has no class for
     */
    public AmiLink(AmiLinkSettings settings, LinkListener listener,
                   List<Class<? extends ManagerEvent>> userEventClasses, MeterRegistry registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.userEventClasses = List.copyOf(userEventClasses);
        Objects.requireNonNull(registry, "registry");
        this.supervisor = Executors.newSingleThreadScheduledExecutor(LinkThreads.named("cti-ami-link"));
        this.writes = new ActionWriter(settings, closed::get, () -> current, () -> state);
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        this.eventTypes = EventTypes.of(this.userEventClasses);
        this.eventLoss = AmiConnections.countingLoss(registry);
        this.meters = new LinkMeters(registry, this);
    }

    /** Starts connecting in the background; returns at once. Idempotent. */
    public void start() {
        if (closed.get() || !started.compareAndSet(false, true)) {
            return;
        }
        state = AmiLinkState.CONNECTING;
        supervisor.execute(this::connect);
        long check = checkPeriodMillis();
        supervisor.scheduleWithFixedDelay(this::keepAlive, check, check, TimeUnit.MILLISECONDS);
    }

    @Override
    public AmiLinkState state() {
        return state;
    }

    @Override
    public CompletableFuture<ManagerResponse> send(ManagerAction action) {
        return writes.send(action);
    }

    @Override
    public CompletableFuture<List<ResponseEvent>> list(EventGeneratingAction action) {
        return writes.list(action);
    }

    /** Logs off and stops every thread of the link; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Future<?> retired = supervisor.submit(() -> {
            LinkSession session = current;
            current = null;
            state = AmiLinkState.DOWN;
            if (session != null) {
                // Logoff waits for the PBX at most the action timeout; a close is not a loss, so it is polite.
                long discarded = session.close();
                if (discarded > 0) {
                    meters.undelivered(discarded);
                    log.info("AMI link closed ({}): {} events read but not yet processed were discarded", session,
                            discarded);
                }
                notifyDown("closed");
            }
        });
        try {
            retired.get(settings.actionTimeout().toMillis() + settings.connectTimeout().toMillis() + 1000,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("closing the AMI link did not finish cleanly: {}", e.toString());
        } finally {
            state = AmiLinkState.DOWN;
            supervisor.shutdownNow();
            writes.shutdownNow();
            LinkThreads.awaitQuietly(supervisor);
            writes.awaitStopped();
        }
    }

    // ---- supervisor thread ------------------------------------------------------------------------------

    private void connect() {
        if (closed.get() || current != null) {
            return;
        }
        state = AmiLinkState.CONNECTING;
        LinkSession session = new LinkSession(++sessions, AmiConnections.connectionFor(settings, userEventClasses, eventTypes, eventLoss),
                System.nanoTime());
        session.connection().addEventListener(event -> deliver(session, event));
        try {
            session.connection().login(settings.eventMask());
        } catch (Exception e) {
            // IOException, AuthenticationFailedException, TimeoutException or IllegalStateException: all mean
            // "not logged in", and all are answered the same way: throw this connection away and retry later.
            session.retire();
            state = AmiLinkState.DOWN;
            BridgeException failure = BridgeException.loginFailed(settings.host(), settings.port(), e);
            log.warn("{}; retrying", failure.getMessage());
            scheduleReconnect();
            return;
        }
        if (closed.get()) {
            session.retire();
            state = AmiLinkState.DOWN;
            return;
        }
        current = session;
        backoff.reset();
        state = AmiLinkState.UP;
        meters.loggedIn();
        log.info("AMI link up: {} to {}:{} ({})", session, settings.host(), settings.port(),
                session.connection().getProtocolIdentifier());
        try {
            listener.onLinkUp(this);
        } catch (RuntimeException e) {
            log.error("the AMI link listener failed on link-up; the link stays up", e);
        }
    }

    private void lost(LinkSession session, String reason) {
        if (session != current) {
            return;
        }
        current = null;
        state = AmiLinkState.DOWN;
        meters.lost(reason);
        long discarded = session.retire();
        if (discarded > 0) {
            meters.undelivered(discarded);
        }
        log.warn("AMI link lost ({}): {}; {} events read but not yet processed were discarded (anything still in "
                + "the socket buffers is lost uncounted; the resync reconciles calls); reconnecting",
                session, reason, discarded);
        notifyDown(reason);
        scheduleReconnect();
    }

    private void keepAlive() {
        LinkSession session = current;
        if (session == null) {
            return;
        }
        long now = System.nanoTime();
        long timeout = settings.pingTimeout().toNanos();
        long silence = now - session.lastReadNanos();
        if (silence > settings.pingInterval().toNanos() + timeout) {
            lost(session, "keep-alive ping unanswered and nothing read for "
                    + TimeUnit.NANOSECONDS.toMillis(silence) + " ms");
            return;
        }
        if (session.pingOverdue(now, timeout) && session.reportLag()) {
            // The socket is delivering: the answer is queued behind events in asterisk-java's dispatch queue.
            meters.lagging();
            log.warn("AMI keep-alive answer later than {} ms on {} while it keeps reading: the event listener is "
                    + "behind (overload, not a dead link)", settings.pingTimeout().toMillis(), session);
        }
        if (session.pingDue(now, settings.pingInterval().toNanos(), timeout)) {
            session.pingSent(now);
            writes.ping(session, reason -> onSupervisor(() -> lost(session, reason)));
        }
    }

    private void scheduleReconnect() {
        if (closed.get()) {
            return;
        }
        Duration delay = backoff.next();
        log.debug("next AMI login attempt in {} ms", delay.toMillis());
        try {
            supervisor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("no reconnect scheduled: the link is closing");
        }
    }

    private void notifyDown(String reason) {
        try {
            listener.onLinkDown(reason);
        } catch (RuntimeException e) {
            log.error("the AMI link listener failed on link-down", e);
        }
    }

    // ---- asterisk-java dispatch thread ------------------------------------------------------------------

    private void deliver(LinkSession session, ManagerEvent event) {
        if (!session.isLive()) {
            return;
        }
        if (event instanceof DisconnectEvent) {
            session.connection().refuseReconnects();
            onSupervisor(() -> lost(session, "connection closed"));
            return;
        }
        if (event instanceof ConnectEvent || event instanceof ProtocolIdentifierReceivedEvent) {
            return;
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.error("the AMI link listener failed on {}; the event is skipped", event.getClass().getSimpleName(), e);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void onSupervisor(Runnable task) {
        try {
            supervisor.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("link task dropped: the link is closing");
        }
    }

    private long checkPeriodMillis() {
        long shortest = Math.min(settings.pingInterval().toMillis(), settings.pingTimeout().toMillis());
        return Math.max(10, Math.min(250, shortest / 4));
    }
}
