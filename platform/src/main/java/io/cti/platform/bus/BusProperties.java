package io.cti.platform.bus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * Settings of the event bus ({@code cti.platform.bus.*}); everything else keeps {@code BusOptions}' defaults.
 *
 * @param streamPrefix prefix of the bus's Redis keys; two platforms sharing one Redis need different ones
 * @param consumerName this process's consumer name within each group; defaults to host and process id
 * @param claimMinIdle how long an entry may stay unacknowledged before another consumer takes it over
 * @param readBatchSize most entries a subscription reads at once, handles, then acknowledges with one call
 */
@Validated
@ConfigurationProperties("cti.platform.bus")
public record BusProperties(
        @DefaultValue("cti:") @NotBlank @Pattern(regexp = "[A-Za-z0-9:{}_.-]{1,64}") String streamPrefix,
        @DefaultValue("") String consumerName,
        @DefaultValue("30s") Duration claimMinIdle,
        @DefaultValue("100") @Min(1) @Max(10000) int readBatchSize) {
}
