package dev.orrery.center.link.internal;

import dev.orrery.center.link.ChannelGateway;
import dev.orrery.center.link.ChannelInfo;
import dev.orrery.protocol.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.mina.core.session.IoSession;
import org.osgi.service.component.annotations.Component;

/**
 * The channels connected now, by channel id, with the session that holds each, and the
 * {@link ChannelGateway} over them. A component of its own, with no references, so that the
 * proxy (which needs the gateway) and the link server (which calls the proxy as a
 * {@code LinkListener}) never form a service cycle. Thread-safe.
 */
@Component(service = {ChannelGateway.class, ChannelRegistry.class})
public final class ChannelRegistry implements ChannelGateway {
    /** One connected channel, with the hosts of its last report. */
    record Entry(IoSession session, ChannelInfo info, List<String> hostIds) {
    }

    private final ConcurrentMap<String, Entry> byId = new ConcurrentHashMap<>();

    /**
     * @param hello the channel's introduction
     * @param session its session
     * @param now epoch ms
     * @return the session this one replaces (same channel id), if any
     */
    Optional<IoSession> connect(Message.Hello hello, IoSession session, long now) {
        ChannelInfo info = new ChannelInfo(hello.id(), hello.idc(), hello.address(), hello.version(), 0, 0, now, 0);
        Entry previous = byId.put(hello.id(), new Entry(session, info, List.of()));
        return previous == null || previous.session() == session ? Optional.empty() : Optional.of(previous.session());
    }

    /** @return {@code true} if this session held the channel and it is removed now */
    boolean disconnect(String channelId, IoSession session) {
        boolean[] removed = {false};
        byId.computeIfPresent(channelId, (id, e) -> {
            if (e.session() != session) {
                return e;
            }
            removed[0] = true;
            return null;
        });
        return removed[0];
    }

    void reported(String channelId, IoSession session, List<String> hostIds, int running, long now) {
        byId.computeIfPresent(channelId, (id, e) -> e.session() != session ? e : new Entry(session, new ChannelInfo(id,
                e.info().idc(), e.info().address(), e.info().version(), hostIds.size(), running, e.info().connectedAt(), now),
                List.copyOf(hostIds)));
    }

    /**
     * The healthy channels: connected, and reported within {@code staleMillis}. A channel that
     * has not reported yet, or stopped reporting, gets no new agents and takes no part in balancing.
     *
     * @param now epoch ms
     * @param staleMillis how old the last report may be
     * @return their latest reports, ordered by channel id
     */
    List<Balance.Load> healthy(long now, long staleMillis) {
        List<Balance.Load> out = new ArrayList<>();
        for (Entry e : byId.values()) {
            ChannelInfo c = e.info();
            if (e.session().isConnected() && c.lastReportAt() > 0 && now - c.lastReportAt() <= staleMillis) {
                out.add(new Balance.Load(c.channelId(), c.idc(), c.address(), e.hostIds()));
            }
        }
        out.sort(Comparator.comparing(Balance.Load::channelId));
        return out;
    }

    Optional<IoSession> session(String channelId) {
        Entry e = channelId == null ? null : byId.get(channelId);
        return e == null || !e.session().isConnected() ? Optional.empty() : Optional.of(e.session());
    }

    /** @param message sent to every connected channel */
    void broadcast(Message message) {
        byId.values().forEach(e -> e.session().write(message));
    }

    @Override
    public boolean send(String channelId, Message message) {
        Objects.requireNonNull(message, "message");
        return session(channelId).map(s -> {
            s.write(message);
            return true;
        }).orElse(false);
    }

    @Override
    public List<ChannelInfo> channels() {
        return list();
    }

    List<ChannelInfo> list() {
        List<ChannelInfo> out = new ArrayList<>();
        byId.values().forEach(e -> out.add(e.info()));
        out.sort(Comparator.comparing(ChannelInfo::channelId));
        return out;
    }

    /**
     * The channel addresses to give a registering agent: the healthy channels of its datacenter;
     * if it has none, every healthy channel (borrowed, given back later by the balancer);
     * possibly none at all (the agent registers again later). Least loaded first, ties in random
     * order, so that agents that try the list in order spread too.
     *
     * @param idc the agent's datacenter
     * @param now epoch ms
     * @param staleMillis how old a channel's last report may be for it to count as healthy
     * @return distinct addresses
     */
    List<String> addressesFor(String idc, long now, long staleMillis) {
        List<Balance.Load> local = new ArrayList<>();
        List<Balance.Load> all = new ArrayList<>();
        for (Balance.Load c : healthy(now, staleMillis)) {
            if (!c.address().isEmpty()) {
                all.add(c);
                if (c.idc().equals(idc)) {
                    local.add(c);
                }
            }
        }
        List<Balance.Load> chosen = new ArrayList<>(local.isEmpty() ? all : local);
        Collections.shuffle(chosen);
        chosen.sort(Comparator.comparingInt(Balance.Load::agents));
        return chosen.stream().map(Balance.Load::address).distinct().toList();
    }
}
