package io.cti.router.calls;

import io.cti.core.testing.EmbeddedServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SettlingRedisTest {

    private final RedisClient client = RedisClient.create(EmbeddedServers.shared().redisUri());
    private final StatefulRedisConnection<String, String> connection = client.connect();
    private final ReservationsInFlight inFlight = new ReservationsInFlight(() -> true);
    private final RedisCommands<String, String> redis = SettlingRedis.of(connection.sync(), inFlight);
    private final List<String> happened = new ArrayList<>();
    private final String key = "test:settling:" + UUID.randomUUID();

    @AfterEach
    void close() {
        connection.sync().del(key);
        connection.close();
        client.shutdown();
    }

    @Test
    void aCommandTakesInTheReservationsSentBeforeItFirst() {
        inFlight.add(io.cti.core.ids.AgentId.of("alice"), () -> false, () -> {
            happened.add("taken in");
            connection.sync().set(key, "written by the answer");
        });

        String read = redis.get(key);

        assertThat(happened).containsExactly("taken in");
        assertThat(read).isEqualTo("written by the answer");
    }

    @Test
    void theConnectionItselfIsNoCommandAndTakesNothingIn() {
        inFlight.add(io.cti.core.ids.AgentId.of("alice"), () -> false, () -> happened.add("taken in"));

        assertThat(redis.getStatefulConnection()).isSameAs(connection);

        assertThat(happened).isEmpty();
    }

    @Test
    void aFailingCommandFailsAsTheClientsOwn() {
        connection.sync().set(key, "not a hash");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> redis.hgetall(key))
                .isInstanceOf(io.lettuce.core.RedisCommandExecutionException.class).hasMessageContaining("WRONGTYPE");
    }
}
