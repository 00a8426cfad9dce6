package io.cti.platform.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * Settings of the customer database ({@code cti.core.customers.*}): the region national phone numbers are read
 * in, the churn threshold, and how often all derived figures are recomputed.
 *
 * @param defaultRegion       ISO 3166 region for numbers written without a country code
 * @param churnDays           days without a purchase after which a customer gets a churn warning
 * @param fullRefreshInterval how often every customer's figures and the RFM breakpoints are recomputed
 * @param zone                the time zone "today" is taken in for figures (alerts use the customer's own zone)
 */
@Validated
@ConfigurationProperties("cti.core.customers")
record CustomerDatabaseProperties(
        @DefaultValue("US") @NotNull @Pattern(regexp = "[A-Za-z]{2}") String defaultRegion,
        @DefaultValue("113") @Min(1) @Max(3650) int churnDays,
        @DefaultValue("1h") @NotNull Duration fullRefreshInterval,
        @DefaultValue("UTC") @NotNull String zone) {
}
