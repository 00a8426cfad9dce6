package io.cti.pbxsim.ami;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One AMI connection, handled as Asterisk's session thread handles it: one action at a time, in order; events
 * raised while an action runs are held back and written after its response; before the next action is read,
 * every event raised so far has been written. State lives on the connection's event loop; {@link #offer} may be
 * called from any thread.
 */
final class AmiSession extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);
    private static final AtomicLong SESSION_IDS = new AtomicLong(0x7f5a3c001000L);

    private final AmiServerContext server;
    private final String sessionId = "0x" + Long.toHexString(SESSION_IDS.getAndAdd(0x1a0));
    private final Deque<Object> inbound = new ArrayDeque<>();
    private final Deque<RenderedEvent> heldEvents = new ArrayDeque<>();
    private final Instant connectedAt;
    private ChannelHandlerContext ctx;
    private volatile boolean authenticated;
    private volatile EventMask eventMask = EventMask.ALL;
    private String username = "";
    private String challenge = "";
    private Instant loginAt;
    private boolean busy;
    private boolean awaitingEvents;
    private boolean pumping;
    private boolean closing;
    private ScheduledFuture<?> authTimer;

    AmiSession(AmiServerContext server) {
        this.server = server;
        this.connectedAt = server.pbx().clock().now();
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        context.writeAndFlush(Unpooled.wrappedBuffer(AmiWire.BANNER));
        server.sessions().add(this);
        long timeout = server.config().authTimeout().toMillis();
        authTimer = context.executor().schedule(() -> {
            if (!authenticated) {
                log.info("AMI client {} did not log in within {} ms: closing", remote(), timeout);
                closeNow();
            }
        }, timeout, TimeUnit.MILLISECONDS);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!closing) {
            inbound.add(message);
            pump();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        server.sessions().remove(this);
        if (authTimer != null) {
            authTimer.cancel(false);
        }
        inbound.clear();
        heldEvents.clear();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        log.warn("AMI connection {} failed: {}; closing it", remote(), cause.toString());
        closeNow();
    }

    /** Hands an event to this session from any thread; dropped unless logged in and wanted. */
    void offer(RenderedEvent event) {
        if (authenticated && eventMask.accepts(event.eventClass()) && ctx != null) {
            try {
                ctx.executor().execute(() -> deliver(event));
            } catch (RejectedExecutionException e) {
                log.debug("Event for closed AMI connection {} dropped", remote());
            }
        }
    }

    /** Closes the connection from the server side, as a manager reload or a network cut would; any thread. */
    void drop() {
        onLoop(this::closeNow);
    }

    /**
     * Writes {@code bytes} as they are, after whatever this session has written so far (fault injection: frames
     * Asterisk would never send); only once logged in, as events are. Any thread.
     */
    void writeRaw(byte[] bytes) {
        onLoop(() -> {
            if (!closing && authenticated && ctx.channel().isActive()) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            }
        });
    }

    // ---- what action handlers read and change (event loop only) ----

    boolean authenticated() {
        return authenticated;
    }

    void loggedIn(String user, EventMask mask) {
        this.username = user;
        this.eventMask = mask;
        this.loginAt = server.pbx().clock().now();
        this.authenticated = true;
        if (authTimer != null) {
            authTimer.cancel(false);
        }
    }

    String username() {
        return username;
    }

    String challenge() {
        return challenge;
    }

    void challenge(String value) {
        this.challenge = value;
    }

    EventMask eventMask() {
        return eventMask;
    }

    void eventMask(EventMask mask) {
        this.eventMask = mask;
    }

    String sessionId() {
        return sessionId;
    }

    /** When the session logged in (security events' SessionTV), or connected if it has not. */
    Instant sessionStart() {
        return loginAt != null ? loginAt : connectedAt;
    }

    String localAddress() {
        return AmiWire.address(ctx == null ? null : ctx.channel().localAddress());
    }

    String remoteAddress() {
        return AmiWire.address(ctx == null ? null : ctx.channel().remoteAddress());
    }

    /** Completes {@code future} with {@code reply} after {@code millis} on this connection's event loop. */
    CompletableFuture<Reply> later(long millis, Reply reply) {
        CompletableFuture<Reply> future = new CompletableFuture<>();
        ctx.executor().schedule(() -> future.complete(reply), millis, TimeUnit.MILLISECONDS);
        return future;
    }

    // ---- the action loop ----

    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (!busy && !awaitingEvents && !closing && !inbound.isEmpty()) {
                Object next = inbound.poll();
                busy = true;
                CompletableFuture<Reply> reply;
                try {
                    reply = server.actions().dispatch(this, next);
                } catch (RuntimeException e) {
                    reply = CompletableFuture.failedFuture(e);
                }
                reply.whenComplete((result, error) -> onLoop(() -> complete(result, error)));
            }
        } finally {
            pumping = false;
        }
    }

    private void complete(Reply reply, Throwable error) {
        if (closing) {
            return;
        }
        Reply answer = reply;
        if (error != null) {
            log.error("AMI action failed inside the simulator; answering with an error", error);
            answer = Reply.of(Responses.error("Internal error in pbx-sim: " + error));
        }
        for (AmiMessage message : answer.messages()) {
            write(AmiWire.render(message));
        }
        if (answer.close()) {
            closing = true;
            heldEvents.clear();
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        while (!heldEvents.isEmpty()) {
            deliverNow(heldEvents.poll());
        }
        busy = false;
        awaitEvents();
    }

    /**
     * Lets every event the clock thread raised so far reach this loop before the next action is read: a task
     * through the clock thread comes back after them.
     */
    private void awaitEvents() {
        awaitingEvents = true;
        Runnable resume = () -> onLoop(() -> {
            awaitingEvents = false;
            pump();
        });
        try {
            server.pbx().clock().execute(resume);
        } catch (RejectedExecutionException e) {
            resume.run();
        }
    }

    private void deliver(RenderedEvent event) {
        if (closing || !authenticated) {
            return;
        }
        if (busy) {
            heldEvents.add(event);
        } else {
            deliverNow(event);
        }
    }

    private void deliverNow(RenderedEvent event) {
        if (authenticated && eventMask.accepts(event.eventClass())) {
            write(event.bytes());
        }
    }

    private void write(byte[] bytes) {
        Channel channel = ctx.channel();
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable()) {
            // Past the high water mark (maxPendingOutputBytes): Asterisk drops a session whose writes time out.
            log.warn("AMI client {} reads too slowly (over {} bytes pending): closing", remote(),
                    server.config().maxPendingOutputBytes());
            closeNow();
            return;
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    private void closeNow() {
        closing = true;
        heldEvents.clear();
        ctx.close();
    }

    private void onLoop(Runnable task) {
        if (ctx == null) {
            return;
        }
        if (ctx.executor().inEventLoop()) {
            task.run();
        } else {
            try {
                ctx.executor().execute(task);
            } catch (RejectedExecutionException e) {
                log.debug("AMI connection {} closed before its reply", remote());
            }
        }
    }

    private Object remote() {
        return ctx == null ? "?" : ctx.channel().remoteAddress();
    }
}
