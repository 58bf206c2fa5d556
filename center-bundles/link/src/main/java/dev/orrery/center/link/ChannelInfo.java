package dev.orrery.center.link;

import java.util.Objects;

/**
 * A channel connected to this center, as it introduced itself and last reported.
 *
 * @param channelId the channel's id (from its {@code Hello})
 * @param idc the datacenter it serves
 * @param address the {@code host:port} agents reach it on, may be empty
 * @param version the channel's software version, may be empty
 * @param agents how many agents it held at its last report
 * @param running host tasks it had in flight at its last report
 * @param connectedAt epoch ms its connection was accepted
 * @param lastReportAt epoch ms of its last report, 0 before the first
 */
public record ChannelInfo(String channelId, String idc, String address, String version, int agents, int running,
        long connectedAt, long lastReportAt) {
    public ChannelInfo {
        Objects.requireNonNull(channelId, "channelId");
        idc = idc == null ? "" : idc;
        address = address == null ? "" : address;
        version = version == null ? "" : version;
    }
}
