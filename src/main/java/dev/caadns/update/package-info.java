/**
 * RFC 2136 dynamic updates onto the runtime overlay (the store the management API changes too):
 * {@link dev.caadns.update.UpdateProcessor} is the dispatcher's UPDATE handler, after the TSIG check;
 * {@link dev.caadns.update.UpdatePolicy} is {@code update.allow}; {@link dev.caadns.update.UpdateStore}
 * is what the server's zones give it (one lock for every change, one published version per update).
 * Knows nothing of sockets.
 */
package dev.caadns.update;
