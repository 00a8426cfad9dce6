package io.cti.bridge.events;

/**
 * A channel the PBX listed as live during a resync (CoreShowChannels), with the queue variable read for callers
 * waiting in a holding context ({@code queue} null otherwise). {@code exten} is the number the caller dialed: the
 * channel's extension, or for a waiting caller the dialplan's DNIS variable (in the holding context the extension
 * is only {@code enter} or {@code wait}); {@code ivr} the waiting caller's IVR choices variable (null when not
 * read). Immutable.
 */
record LiveChannel(String channel, String uniqueId, String linkedId, String context, String exten,
                   String callerIdNum, String queue, String ivr) {

    LiveChannel(String channel, String uniqueId, String linkedId, String context, String exten, String callerIdNum,
                String queue) {
        this(channel, uniqueId, linkedId, context, exten, callerIdNum, queue, null);
    }

    LiveChannel withQueue(String queueName) {
        return new LiveChannel(channel, uniqueId, linkedId, context, exten, callerIdNum, queueName, ivr);
    }

    LiveChannel withDialed(String dialed) {
        return new LiveChannel(channel, uniqueId, linkedId, context, dialed, callerIdNum, queue, ivr);
    }

    LiveChannel withIvr(String choices) {
        return new LiveChannel(channel, uniqueId, linkedId, context, exten, callerIdNum, queue, choices);
    }
}
