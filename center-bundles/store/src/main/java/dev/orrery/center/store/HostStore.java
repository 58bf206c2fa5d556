package dev.orrery.center.store;

import dev.orrery.api.HostStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** Hosts: registration, presence and lookup. Thread-safe; durable when a method returns. */
@ProviderType
public interface HostStore {

    /**
     * Records a registration: creates the host or updates its reported identity. Groups
     * reported by the agent are added to the groups it already has.
     *
     * @param host the identity as reported; channel and status are ignored
     */
    void register(HostRecord host);

    /**
     * Records many registrations at once, as {@link #register} for each, in one transaction
     * where the store can (group commit): durable when it returns, nothing recorded if it
     * throws. The default calls {@link #register} for each.
     *
     * @param hosts the identities as reported
     * @since 0.3
     */
    default void registerAll(List<HostRecord> hosts) {
        hosts.forEach(this::register);
    }

    /**
     * Marks these hosts online on a channel, and every other host the store had on that channel
     * offline: the report is the channel's full set.
     *
     * @param channelId the reporting channel
     * @param hostIds every host the channel holds now
     * @param now epoch ms
     * @return the hosts that were not online on this channel before (newly arrived)
     */
    List<String> channelReport(String channelId, Collection<String> hostIds, long now);

    /**
     * Marks every host of a channel offline (the channel went away).
     *
     * @param channelId the channel
     */
    void channelLost(String channelId);

    /**
     * @param hostId a host id
     * @return the host, if known
     */
    Optional<HostRecord> get(String hostId);

    /**
     * Looks up many hosts at once. The default calls {@link #get(String)} for each.
     *
     * @param hostIds host ids
     * @return the known ones, in the order given, each once
     */
    default List<HostRecord> getAll(Collection<String> hostIds) {
        return hostIds.stream().distinct().map(this::get).flatMap(Optional::stream).toList();
    }

    /**
     * Where hosts are reachable now: the channel of each of them that is {@code ONLINE}. The
     * default reads them with {@link #getAll}.
     *
     * @param hostIds host ids
     * @return host id to channel, for the online ones among them
     * @since 0.4
     */
    default Map<String, String> onlineChannels(Collection<String> hostIds) {
        Map<String, String> out = new HashMap<>();
        for (HostRecord h : getAll(hostIds)) {
            if (h.status() == HostStatus.ONLINE && h.channel() != null) {
                out.put(h.hostId(), h.channel());
            }
        }
        return out;
    }

    /**
     * @param query the filter
     * @return matching hosts ordered by hostId
     */
    List<HostRecord> find(HostQuery query);

    /**
     * @param query the filter; offset and limit ignored
     * @return how many hosts match
     */
    int count(HostQuery query);

    /**
     * Resolves target names to host ids. A name that is a host's hostId names that host; any
     * other name matches the hosts with that hostname, IP or SN; a group name matches every
     * host in the group.
     *
     * @param names host names (hostId, hostname, IP or SN)
     * @param groups group names
     * @return the resolution, with every name that matched nothing
     */
    Resolution resolve(Collection<String> names, Collection<String> groups);

    /**
     * @param hostIds host ids
     * @param groups host groups
     * @return those of {@code hostIds} that belong to none of {@code groups}, in the given order
     * @since 0.5
     */
    default List<String> outsideGroups(List<String> hostIds, Collection<String> groups) {
        Set<String> inside = new HashSet<>(resolve(List.of(), groups).hostIds());
        return hostIds.stream().filter(h -> !inside.contains(h)).toList();
    }

    /**
     * The outcome of {@link #resolve}.
     *
     * @param hostIds distinct host ids, in the order found
     * @param unknown every host name or group that matched nothing, as given
     */
    record Resolution(List<String> hostIds, List<String> unknown) {
        public Resolution {
            hostIds = List.copyOf(hostIds);
            unknown = List.copyOf(unknown);
        }
    }

    /**
     * Keeps the agent's status sections (see the agent's {@code StatusSource}): each replaces the
     * host's previous text of that section. An unknown host is ignored.
     *
     * @param hostId the reporting host
     * @param sections section name → JSON text
     * @param now epoch ms
     */
    default void updateStatus(String hostId, Map<String, String> sections, long now) {
        // stores without status keep nothing
    }

    /**
     * {@link #updateStatus} for several hosts, in one transaction where the store can.
     *
     * @param sectionsByHost host → section name → JSON text
     * @param now epoch ms
     * @since 0.7
     */
    default void updateStatusAll(Map<String, Map<String, String>> sectionsByHost, long now) {
        sectionsByHost.forEach((hostId, sections) -> updateStatus(hostId, sections, now));
    }

    /**
     * @param hostId a host
     * @return its last status sections (name → JSON text); empty if none or unknown
     */
    default Map<String, String> status(String hostId) {
        return Map.of();
    }

    /**
     * @param section a section name
     * @param hostIds hosts
     * @return host → the section's JSON text, for the hosts that reported it
     */
    default Map<String, String> statusSection(String section, Collection<String> hostIds) {
        Map<String, String> out = new HashMap<>();
        for (String h : hostIds) {
            String v = status(h).get(section);
            if (v != null) {
                out.put(h, v);
            }
        }
        return out;
    }

    /**
     * Sets the inventory of a host: owner and expected SN/IP always; groups and labels where not
     * {@code null}.
     *
     * @param hostId the host
     * @param inventory what the inventory says
     * @return whether the host exists
     */
    default boolean setInventory(String hostId, HostInventory inventory) {
        return false;
    }

    /**
     * @param hostId a host
     * @return its inventory (groups and labels as stored now), empty if unknown
     */
    default Optional<HostInventory> inventory(String hostId) {
        return get(hostId).map(h -> new HostInventory(null, h.groups(), h.labels(), null, null));
    }
}
