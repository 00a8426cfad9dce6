package io.cti.console.push;

import io.cti.console.ConsoleProperties;
import io.cti.console.access.UserRepository;
import io.cti.console.access.AccessAutoConfiguration;
import io.cti.core.bus.MessageBus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts the push channel into any servlet web application with agent-console and a {@link MessageBus}: the socket at
 * {@code /ws} (handshake checks, per-socket send queues), the in-memory fan-out fed from the bus as the console's
 * consumer group, the agent's desk over the socket and REST, and the {@code cti.console.push.*} metrics. Seeds the
 * live board from a {@link LiveStateSource} when the application has one. Wiring only.
 */
@AutoConfiguration(after = AccessAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MessageBus.class)
@Import({AgentDeskController.class, CallControlController.class, QueueDayController.class,
        PushAutoConfiguration.Sockets.class})
public class PushAutoConfiguration {

    @Bean
    PushFrames pushFrames(JsonMapper json) {
        return new PushFrames(json);
    }

    @Bean
    PushHub pushHub(PushFrames frames, Clock clock, ConsoleProperties properties) {
        return new PushHub(frames, clock, properties.push().popMaxAge());
    }

    @Bean
    AgentDesk agentDesk(MessageBus bus, PushHub hub, Clock clock) {
        return new AgentDesk(bus, hub, clock);
    }

    @Bean
    CallControl callControl(MessageBus bus, PushHub hub, Clock clock) {
        return new CallControl(bus, hub, clock);
    }

    @Bean
    SupervisorDesk supervisorDesk(MessageBus bus, PushHub hub, UserRepository users, Clock clock) {
        return new SupervisorDesk(bus, hub, users, clock);
    }

    /** Closes sockets off the fan-out's thread: closing a jammed connection can wait on the network. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService pushSocketCloser() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "console-push-close-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts each socket's sends off the fan-out's thread. A thread is busy only while the container takes a frame
     * (normally at once; the rest of the write completes on the container's own threads), so the pool stays small,
     * and one socket whose send has to wait holds its own thread, not the others'.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService pushSocketSender() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "console-push-send-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    BusFeed pushBusFeed(PushHub hub, MessageBus bus, ObjectProvider<LiveStateSource> seed,
                        ConsoleProperties properties) {
        ConsoleProperties.Push push = properties.push();
        // RuntimeMXBean's name is "pid@host": unique per process on a host, and readable in XINFO CONSUMERS.
        String consumer = push.consumerName().isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
                : push.consumerName();
        return new BusFeed(hub, bus, seed.getIfAvailable(), push.consumerGroup(), consumer, push.heartbeat());
    }

    @Bean
    PushSessionEvents pushSessionEvents(PushHub hub, AgentDesk desk) {
        return new PushSessionEvents(hub, desk);
    }

    /** Spring Boot binds every MeterBinder bean to the application's registry. */
    @Bean
    MeterBinder pushMetrics(PushHub hub) {
        return meters -> {
            Gauge.builder("cti.console.push.sessions", hub, PushHub::sessions).description("open push sockets")
                    .register(meters);
            FunctionCounter.builder("cti.console.push.cut.offs", hub, PushHub::cutOffs)
                    .description("push sockets cut off for not reading").register(meters);
            FunctionCounter.builder("cti.console.push.stale.pops", hub, PushHub::stalePops)
                    .description("screen-pops read too late to push").register(meters);
        };
    }

    /** The socket endpoint itself. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSocket
    static class Sockets {

        @Bean
        PushHandshake pushHandshake(ConsoleProperties properties, JsonMapper json) {
            return new PushHandshake(properties.allowedOrigins(), json);
        }

        @Bean
        PushSocketHandler pushSocketHandler(PushHub hub, AgentDesk desk, CallControl calls, SupervisorDesk supervisors,
                                            PushFrames frames, JsonMapper json, ConsoleProperties properties,
                                            ExecutorService pushSocketSender, ExecutorService pushSocketCloser) {
            ConsoleProperties.Push push = properties.push();
            return new PushSocketHandler(hub, desk, calls, supervisors, frames, json, new SendLimits(push.sendQueueFrames(),
                    push.sendQueueBytes().toBytes(), push.sendTimeLimit()), pushSocketSender, pushSocketCloser);
        }

        @Bean
        WebSocketConfigurer pushSocketEndpoint(PushSocketHandler handler, PushHandshake handshake,
                                               ConsoleProperties properties) {
            return registry -> registry.addHandler(handler, "/ws").addInterceptors(handshake)
                    .setAllowedOrigins(properties.allowedOrigins().toArray(String[]::new));
        }

        /** What a client may send: one message at most this large (the container closes the socket otherwise). */
        @Bean
        ServletServerContainerFactoryBean pushSocketContainer(ConsoleProperties properties) {
            ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
            container.setMaxTextMessageBufferSize((int) properties.push().maxInboundBytes().toBytes());
            container.setMaxBinaryMessageBufferSize((int) properties.push().maxInboundBytes().toBytes());
            return container;
        }
    }
}
