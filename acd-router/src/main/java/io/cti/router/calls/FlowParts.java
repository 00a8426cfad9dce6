package io.cti.router.calls;

import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.messages.DomainMessage;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * What every desk of the flow shares: Redis state, the router's id, the customer database, the bus (through the
 * flow's outbox), the clock, the settings, the reservations in flight (whose answers {@code redis}'s commands take
 * in first). Immutable.
 */
record FlowParts(RedisCommands<String, String> redis, RouterKeys keys, RouterId router, WaitingCalls waiting,
                 Reservations reservations, ReadyAgents ready, CustomerCards cards, CustomerHistory history,
                 PhoneNumberNormalizer normalizer, Consumer<DomainMessage> publisher, Clock clock,
                 FlowSettings settings, ReservationsInFlight inFlight) {
}
