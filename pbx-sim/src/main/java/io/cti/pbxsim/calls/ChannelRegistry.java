package io.cti.pbxsim.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live channels, and the counters Asterisk names them with: a global sequence for unique ids
 * ({@code <epoch>.<n>}) and one 8-hex-digit sequence per technology for channel names. Confined to the clock
 * thread.
 */
final class ChannelRegistry {

    private final Map<String, Channel> byName = new LinkedHashMap<>();
    private final Map<String, Integer> nameSequences = new HashMap<>();
    private long uniqueSequence;
    private long created;

    /** Makes a channel named {@code <tech>/<resource>-<seq>[suffix]} without registering it. */
    Channel create(String technology, String resource, String suffix, String device, Instant now) {
        return create(technology, resource, suffix, device, now, null);
    }

    /** As {@link #create(String, String, String, String, Instant)}, with the unique id given (null: a new one). */
    Channel create(String technology, String resource, String suffix, String device, Instant now, String uniqueid) {
        String name = technology + "/" + resource + "-" + String.format("%08x", nextNameSequence(technology))
                + suffix;
        return uniqueid == null ? createNamed(name, technology, device, now)
                : new Channel(name, technology, device, uniqueid, now);
    }

    /** Whether a live channel has {@code uniqueid} (Asterisk refuses to give a second channel the same one). */
    boolean hasUniqueid(String uniqueid) {
        for (Channel channel : byName.values()) {
            if (channel.uniqueid.equals(uniqueid)) {
                return true;
            }
        }
        return false;
    }

    /** Makes the two halves of a Local channel (they share one name sequence) and registers both. */
    Channel[] createLocalPair(String resource, String device, Instant now) {
        String base = "Local/" + resource + "-" + String.format("%08x", nextNameSequence("Local"));
        Channel one = createNamed(base + ";1", "Local", device, now);
        Channel two = createNamed(base + ";2", "Local", device, now);
        one.localOne = true;
        one.localPeer = two;
        two.localPeer = one;
        two.linkedid = one.linkedid;
        register(one);
        register(two);
        return new Channel[] {one, two};
    }

    void register(Channel channel) {
        byName.put(channel.name, channel);
        created++;
    }

    void remove(Channel channel) {
        byName.remove(channel.name);
    }

    Channel find(String name) {
        return name == null ? null : byName.get(name);
    }

    int size() {
        return byName.size();
    }

    /** Channels ever created (what CoreStatus reports as processed calls). */
    long createdCount() {
        return created;
    }

    /**
     * The live channels in the order Asterisk 20 listed them in the recordings: by creation, the ;2 half of a
     * Local pair before its ;1.
     */
    List<Channel> listed() {
        List<Channel> result = new ArrayList<>(byName.size());
        for (Channel channel : byName.values()) {
            if (channel.localPeer != null && !channel.localOne && channel.localPeer.alive()) {
                continue;
            }
            if (channel.localOne && channel.localPeer != null && channel.localPeer.alive()) {
                result.add(channel.localPeer);
            }
            result.add(channel);
        }
        return result;
    }

    private Channel createNamed(String name, String technology, String device, Instant now) {
        String uniqueid = now.getEpochSecond() + "." + uniqueSequence++;
        return new Channel(name, technology, device, uniqueid, now);
    }

    private int nextNameSequence(String technology) {
        return nameSequences.merge(technology, 1, Integer::sum) - 1;
    }
}
