package io.cti.core.messages;

/** Something that happened, stated in the past tense; published once, read by any interested module. */
public sealed interface DomainEvent extends DomainMessage
        permits CustomerRegistered, CustomerChanged, InteractionRecorded,
                CallArrived, AgentLegRinging, AgentLegUnanswered, CallConnected, CallHeld, CallResumed, CallTransferred, CallEnded,
                OriginateResult, AmdResult, AgentPhoneState, ScreenPopReady, AgentStateChanged,
                QueueFiguresUpdated, CallbackRequested, CallbackDialed,
                CallControlRefused {
}
