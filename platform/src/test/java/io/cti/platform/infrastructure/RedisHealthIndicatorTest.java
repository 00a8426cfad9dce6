package io.cti.platform.infrastructure;

import io.cti.core.testing.EmbeddedServers;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class RedisHealthIndicatorTest {

    @Test
    void upWithTheVersionWhenRedisAnswers() {
        RedisEndpoint endpoint = new RedisEndpoint(EmbeddedServers.shared().redisUri(), true);
        RedisClient client = RedisClient.create(endpoint.uri());
        try {
            Health health = new RedisHealthIndicator(client, endpoint).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("uri", endpoint.uri()).containsEntry("embedded", true);
            assertThat((String) health.getDetails().get("version")).matches("\\d+\\.\\d+.*");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void downWithTheCauseWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RedisEndpoint endpoint = new RedisEndpoint("redis://:secret@127.0.0.1:" + closedPort, false);
        RedisClient client = RedisClient.create(endpoint.uri());
        try {
            Health health = new RedisHealthIndicator(client, endpoint).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error")
                    .containsEntry("uri", "redis://****@127.0.0.1:" + closedPort);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void readsTheVersionFromAnInfoReply() {
        String info = "# Server\r\nredis_version:7.2.4\r\nredis_git_sha1:00000000\r\n";

        assertThat(RedisHealthIndicator.version(info)).isEqualTo("7.2.4");
        assertThat(RedisHealthIndicator.version("# Server\r\n")).isEqualTo("unknown");
    }
}
