package org.worldwire.events;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus of one process: every event goes to every listener on the publishing thread, so a listener must
 * return quickly. A failing listener is logged and does not stop others.
 */
public final class LocalEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(LocalEventBus.class);
    private final CopyOnWriteArrayList<Consumer<NewsEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Runnable subscribe(Consumer<NewsEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void publish(NewsEvent event) {
        for (Consumer<NewsEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.error("event listener failed event={}", event.getClass().getSimpleName(), e);
            }
        }
    }

    public int listenerCount() {
        return listeners.size();
    }
}
