package io.cti.platform.routing;

import io.cti.core.ids.CallId;
import io.cti.core.messages.ReservationFence;
import io.cti.router.reservations.FencingToken;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The PBX bridge's question "is this reservation still current?" answered by the router's reservations in Redis
 * ({@link Reservations#isCurrent}), on a connection of its own so that the bridge's command thread never waits
 * behind the call flow's round trips. Thread-safe.
 */
final class RouterReservationFence implements ReservationFence, AutoCloseable {

    private final StatefulRedisConnection<String, String> connection;
    private final Reservations reservations;

    RouterReservationFence(RedisClient client, RouterKeys keys) {
        this.connection = client.connect();
        this.reservations = Reservations.on(connection.sync(), keys, RouterId.of("bridge-fence"));
    }

    @Override
    public boolean isCurrent(CallId call, long token) {
        return reservations.isCurrent(call, FencingToken.of(token));
    }

    @Override
    public void close() {
        connection.close();
    }
}
