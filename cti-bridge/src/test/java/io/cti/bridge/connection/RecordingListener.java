package io.cti.bridge.connection;

import org.asteriskjava.manager.event.ManagerEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the link reports. Thread-safe. */
class RecordingListener implements LinkListener {

    final List<ManagerEvent> events = new CopyOnWriteArrayList<>();
    final List<String> downs = new CopyOnWriteArrayList<>();
    final AtomicInteger ups = new AtomicInteger();

    @Override
    public void onEvent(ManagerEvent event) {
        events.add(event);
    }

    @Override
    public void onLinkUp(AmiGateway gateway) {
        ups.incrementAndGet();
    }

    @Override
    public void onLinkDown(String reason) {
        downs.add(reason);
    }
}
