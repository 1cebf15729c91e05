package org.careclock.bench;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.UidlWriter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A push connection that does what Vaadin's WebSocket connection does up to the socket: it
 * encodes the UI's pending changes as the UIDL message a browser would receive, then counts it
 * (messages, characters, the moment it was ready) instead of writing it to a network.
 */
final class CountingPush implements PushConnection {

    private final transient UI ui;
    final AtomicLong messages = new AtomicLong();
    final AtomicLong chars = new AtomicLong();
    /** {@code System.nanoTime()} when the last message was encoded. */
    volatile long lastPushNanos;

    CountingPush(UI ui) {
        this.ui = ui;
    }

    @Override
    public void push() {
        String message = "for(;;);[" + new UidlWriter().createUidl(ui, true).toString() + "]";
        chars.addAndGet(message.length());
        messages.incrementAndGet();
        lastPushNanos = System.nanoTime();
    }

    @Override
    public void disconnect() {
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    void reset() {
        messages.set(0);
        chars.set(0);
        lastPushNanos = 0;
    }
}
