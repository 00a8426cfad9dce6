package io.cti.pbxsim.traffic;

/**
 * What a traffic run has done so far. Inbound: calls placed, callers who gave up waiting, callers connected to an
 * agent. Agents: calls picked up, calls let ring. Outbound (dials reaching the callee trunk): busy, ringing out
 * unanswered, answered by a machine, answered by a person, persons connected to an agent, persons who hung up on
 * silence, numbers not in the population. Callbacks: callers who asked for one, the platform's dials to them
 * through the trunk, and those they answered. Immutable.
 */
public record TrafficStats(long inboundCalls, long inboundAbandoned, long inboundConnected,
                           long agentAnswers, long agentNoAnswers,
                           long outboundDials, long outboundBusy, long outboundNoAnswer, long outboundMachines,
                           long outboundHumans, long outboundConnected, long outboundHungUpOnSilence,
                           long outboundUnknownNumbers, long callbackRequests, long callbackDials,
                           long callbackAnswered) {
}
