package io.cti.platform.demo;

import io.cti.core.demo.DemoSeeder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo customers loaded on the platform's first start ({@code cti.platform.demo.*}). They are loaded only
 * into an empty customer table, so a restart never loads them twice and never touches customers users entered.
 * Immutable.
 *
 * @param enabled   load the demo customers when the customer table is empty
 * @param customers how many (0 loads none)
 * @param seed      the generator's seed: the same seed gives the same customers
 */
@Validated
@ConfigurationProperties("cti.platform.demo")
public record DemoDataProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2000") @Min(0) @Max(5_000_000) int customers,
        @DefaultValue("" + DemoSeeder.DEFAULT_SEED) long seed) {
}
