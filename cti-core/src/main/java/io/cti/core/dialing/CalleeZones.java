package io.cti.core.dialing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.cti.core.phone.PhoneNumber;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The time zones a callee may be in, by their number's region (libphonenumber's region of the E.164 number) and a
 * table of each region's zones: a region spanning several zones lists them all, and {@link CallWindow} then permits
 * a call only when it is permitted in each. The built-in table covers the regions the demo and the usual customers
 * call; {@link #with} adds or replaces regions (configuration). A number of a region not in the table has no zone,
 * so it is not called: dialing law would rather miss a call than wake someone. Immutable and thread-safe.
 */
public final class CalleeZones {

    private static final Map<String, List<ZoneId>> BUILT_IN = Map.ofEntries(
            Map.entry("CN", zones("Asia/Shanghai")),
            Map.entry("HK", zones("Asia/Hong_Kong")),
            Map.entry("TW", zones("Asia/Taipei")),
            Map.entry("SG", zones("Asia/Singapore")),
            Map.entry("JP", zones("Asia/Tokyo")),
            Map.entry("KR", zones("Asia/Seoul")),
            Map.entry("IN", zones("Asia/Kolkata")),
            Map.entry("GB", zones("Europe/London")),
            Map.entry("IE", zones("Europe/Dublin")),
            Map.entry("DE", zones("Europe/Berlin")),
            Map.entry("FR", zones("Europe/Paris")),
            Map.entry("ES", zones("Europe/Madrid", "Atlantic/Canary")),
            Map.entry("IT", zones("Europe/Rome")),
            Map.entry("NL", zones("Europe/Amsterdam")),
            Map.entry("US", zones("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                    "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu")),
            Map.entry("CA", zones("America/St_Johns", "America/Halifax", "America/Toronto", "America/Winnipeg",
                    "America/Edmonton", "America/Vancouver")),
            Map.entry("AU", zones("Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide",
                    "Australia/Darwin", "Australia/Perth")));

    private final Map<String, List<ZoneId>> byRegion;

    private CalleeZones(Map<String, List<ZoneId>> byRegion) {
        this.byRegion = Map.copyOf(byRegion);
    }

    public static CalleeZones builtIn() {
        return new CalleeZones(BUILT_IN);
    }

    /** This table with {@code regions} (ISO 3166 codes) added or replacing what it had for them. */
    public CalleeZones with(Map<String, List<ZoneId>> regions) {
        Map<String, List<ZoneId>> merged = new HashMap<>(byRegion);
        regions.forEach((region, zones) -> {
            if (zones.isEmpty()) {
                throw new IllegalArgumentException("region " + region + " needs at least one time zone");
            }
            merged.put(region.toUpperCase(Locale.ROOT), List.copyOf(zones));
        });
        return new CalleeZones(merged);
    }

    /** The number's region (e.g. {@code US}), or empty when libphonenumber cannot tell it. */
    public static String regionOf(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            String region = util.getRegionCodeForNumber(util.parse(number.e164(), null));
            return region == null || "ZZ".equals(region) ? "" : region;
        } catch (NumberParseException e) {
            return "";
        }
    }

    /** The zones a callee at {@code number} may be in; empty for a region not in the table. */
    public List<ZoneId> of(PhoneNumber number) {
        return byRegion.getOrDefault(regionOf(number), List.of());
    }

    private static List<ZoneId> zones(String... ids) {
        return java.util.Arrays.stream(ids).map(ZoneId::of).toList();
    }
}
