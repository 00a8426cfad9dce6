package io.cti.bridge.events;

/**
 * A channel the PBX listed as live during a resync (CoreShowChannels), with the queue variable read for callers
 * waiting in a holding context ({@code queue} null otherwise). {@code exten} is the number the caller dialed: the
 * channel's extension, or for a waiting caller the dialplan's DNIS variable (in the holding context the extension
 * is only {@code enter} or {@code wait}). Immutable.
 */
record LiveChannel(String channel, String uniqueId, String linkedId, String context, String exten,
                   String callerIdNum, String queue) {

    LiveChannel withQueue(String queueName) {
        return new LiveChannel(channel, uniqueId, linkedId, context, exten, callerIdNum, queueName);
    }

    LiveChannel withDialed(String dialed) {
        return new LiveChannel(channel, uniqueId, linkedId, context, dialed, callerIdNum, queue);
    }
}
