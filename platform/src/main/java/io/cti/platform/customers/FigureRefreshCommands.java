package io.cti.platform.customers;

import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.RefreshCustomerFigures;
import io.cti.platform.bus.ConsumerName;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Handles {@link RefreshCustomerFigures} commands from the bus as the {@code customer-database} group, so any
 * module can ask for a customer's figures to be brought up to date without touching the database itself.
 * Refreshing is idempotent, so a redelivery is harmless. Thread-safe.
 */
@Component
class FigureRefreshCommands implements SmartLifecycle {

    static final String GROUP = "customer-database";

    private final MessageBus bus;
    private final CustomerFigures figures;
    private final ConsumerName consumer;
    private volatile RunningSubscription subscription;

    FigureRefreshCommands(MessageBus bus, CustomerFigures figures, ConsumerName consumer) {
        this.bus = bus;
        this.figures = figures;
        this.consumer = consumer;
    }

    @Override
    public void start() {
        subscription = bus.subscribe(Subscription.builder(GROUP, consumer.value())
                .streams(BusStream.COMMANDS)
                .types(RefreshCustomerFigures.class)
                .build(), this::handle);
    }

    void handle(DomainMessage message) {
        if (message instanceof RefreshCustomerFigures refresh) {
            figures.refresh(refresh.customerId());
        }
    }

    @Override
    public void stop() {
        RunningSubscription running = subscription;
        if (running != null) {
            running.close();
            subscription = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
