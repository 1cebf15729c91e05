package org.careclock.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers session events to the pages subscribed to a call, and to the application's
 * listeners (the audit log). A subscriber is closed by the page when it detaches.
 */
@Component
public class SessionEvents {

    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);

    private final Map<String, List<Consumer<SessionEvent>>> subscribers = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher publisher;
    private final ObjectProvider<EventRelay> relay;

    SessionEvents(ApplicationEventPublisher publisher, ObjectProvider<EventRelay> relay) {
        this.publisher = publisher;
        this.relay = relay;
    }

    /** A subscription to close (pages: on detach). */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public Subscription subscribe(String cid, Consumer<SessionEvent> listener) {
        subscribers.computeIfAbsent(cid, c -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> subscribers.computeIfPresent(cid, (c, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** How many listeners a call has (for tests and benchmarks: subscriptions must not leak). */
    public int subscriberCount(String cid) {
        List<Consumer<SessionEvent>> list = subscribers.get(cid);
        return list == null ? 0 : list.size();
    }

    public int callsWithSubscribers() {
        return subscribers.size();
    }

    /**
     * Pages first (the change is already persisted), then the application's listeners (the audit
     * log), then the other nodes of a cluster, if any.
     */
    void publish(SessionEvent event) {
        deliverHere(event);
        publisher.publishEvent(event);
        EventRelay to = relay();
        if (to != null && !event.staysOnItsNode()) {
            to.send(event);
        }
    }

    private volatile java.util.Optional<EventRelay> resolvedRelay;

    private EventRelay relay() {
        java.util.Optional<EventRelay> known = resolvedRelay;
        if (known == null) {
            known = java.util.Optional.ofNullable(relay.getIfAvailable());
            resolvedRelay = known;
        }
        return known.orElse(null);
    }

    /**
     * To this node's pages only: an event another node published (its audit was written there),
     * or one this node learned of late (it lost the race to end a call another node ended).
     */
    void deliverHere(SessionEvent event) {
        List<Consumer<SessionEvent>> list = subscribers.get(event.cid());
        if (list != null) {
            for (Consumer<SessionEvent> listener : list) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    log.warn("A page failed to take a session event {}", event, e);
                }
            }
        }
    }
}
