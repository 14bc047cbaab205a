package dev.caadns.server;

import java.time.Duration;

/**
 * Bounds on a stream transport (TCP, and DoT on top of TLS): how long a connection may sit with
 * nothing to do, how long one message may take to arrive once it has begun, and how many
 * connections may be open.
 */
public record StreamLimits(Duration idleTimeout, Duration messageTimeout, int maxConnections) {
}
