package io.cti.platform.infrastructure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void masksPasswordParametersOfJdbcUrls() {
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://db/cti?user=cti&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/cti?user=cti&password=****&ssl=true");
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://db/cti")).isEqualTo("jdbc:postgresql://db/cti");
        assertThat(Redaction.jdbcUrl(null)).isNull();
    }

    @Test
    void masksUserInfoOfRedisUris() {
        assertThat(Redaction.redisUri("redis://default:s3cret@redis:6379/0")).isEqualTo("redis://****@redis:6379/0");
        assertThat(Redaction.redisUri("rediss://:s3cret@redis:6380")).isEqualTo("rediss://****@redis:6380");
        assertThat(Redaction.redisUri("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
        assertThat(Redaction.redisUri(null)).isNull();
    }
}
