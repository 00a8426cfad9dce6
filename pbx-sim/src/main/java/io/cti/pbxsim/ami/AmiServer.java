package io.cti.pbxsim.ami;

import io.cti.pbxsim.PbxSimException;
import io.cti.pbxsim.calls.Pbx;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An Asterisk Manager Interface server on Netty, speaking AMI as Asterisk 20 does, in front of a simulated
 * {@link Pbx}: {@code start(host, port)} listens (port 0 picks a free one) and answers the bound port,
 * {@code close()} drops every connection and stops the threads. Thread-safe; start at most once.
 */
public final class AmiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiServer.class);

    private final Pbx pbx;
    private final AmiServerConfig config;
    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    private final EventFanout fanout = new EventFanout(sessions);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private volatile AmiWireTap tap;

    public AmiServer(Pbx pbx, AmiServerConfig config) {
        this.pbx = pbx;
        this.config = config;
    }

    /** Listens on {@code host:port} and answers the port actually bound. */
    public synchronized int start(String host, int port) {
        if (serverChannel != null) {
            throw new IllegalStateException("AMI server already started on port " + port());
        }
        AmiServerContext context = new AmiServerContext(pbx, config, sessions, new ActionDispatcher(pbx, config));
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("pbx-sim-ami-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("pbx-sim-ami-io", true),
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.maxPendingOutputBytes() / 2, config.maxPendingOutputBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new WireTapHandler(() -> tap),
                                new FlushConsolidationHandler(256, true),
                                new AmiFrameDecoder(config),
                                new AmiSession(context));
                    }
                });
        try {
            serverChannel = bootstrap.bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdownGroups();
            throw PbxSimException.cannotBind(host, port, e);
        } catch (RuntimeException e) {
            shutdownGroups();
            throw PbxSimException.cannotBind(host, port, e);
        }
        pbx.subscribe(fanout);
        log.info("pbx-sim AMI listening on {}:{}", host, port());
        return port();
    }

    /** The bound port, or -1 when not listening. */
    public synchronized int port() {
        return serverChannel == null ? -1 : ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Connections currently open (logged in or not). */
    public int connections() {
        return sessions.size();
    }

    /** Sees every byte clients send from now on ({@code null}: none); see {@link AmiWireTap}. */
    public void tap(AmiWireTap wireTap) {
        this.tap = wireTap;
    }

    /**
     * Closes every client connection from the server side, as a manager reload or a network cut does; the server
     * keeps listening. Answers how many connections were closed. For tests of reconnecting clients.
     */
    public int dropConnections() {
        int dropped = 0;
        for (AmiSession session : sessions) {
            session.drop();
            dropped++;
        }
        return dropped;
    }

    /**
     * Writes {@code bytes} unchanged to every logged-in connection, after what each was sent so far: frames no
     * Asterisk would send (garbage, truncated or oversized ones), for tests of how clients survive them.
     */
    public void writeRawToClients(byte[] bytes) {
        byte[] copy = bytes.clone();
        sessions.forEach(session -> session.writeRaw(copy));
    }

    @Override
    public synchronized void close() {
        pbx.unsubscribe(fanout);
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        shutdownGroups();
    }

    private void shutdownGroups() {
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss = null;
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers = null;
        }
    }
}
