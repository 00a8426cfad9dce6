package io.cti.router.routing;

/**
 * A waiting call on the board with where it is routed now: its target, its lane (null while held for its sticky
 * agent or while its queue is unknown), what sticky routing found, and the number of its current timer, so stale
 * timers are skipped. Mutable; owned by one {@link RoutingBoard}.
 */
final class CallEntry {

    final WaitingCall call;
    final double orderKey;
    CallTarget target;
    Lane lane;
    StickyCheck sticky = StickyCheck.NONE;
    long timer;

    CallEntry(WaitingCall call) {
        this.call = call;
        this.orderKey = call.orderKey();
    }
}
