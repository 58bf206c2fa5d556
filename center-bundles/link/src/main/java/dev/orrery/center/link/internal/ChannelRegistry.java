package dev.orrery.center.link.internal;

import dev.orrery.center.link.ChannelGateway;
import dev.orrery.center.link.ChannelInfo;
import dev.orrery.protocol.Message;
import java.util.ArrayList;
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
    /** One connected channel. */
    record Entry(IoSession session, ChannelInfo info) {
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
        Entry previous = byId.put(hello.id(), new Entry(session, info));
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

    void reported(String channelId, IoSession session, int agents, int running, long now) {
        byId.computeIfPresent(channelId, (id, e) -> e.session() != session ? e : new Entry(session, new ChannelInfo(id,
                e.info().idc(), e.info().address(), e.info().version(), agents, running, e.info().connectedAt(), now)));
    }

    Optional<IoSession> session(String channelId) {
        Entry e = channelId == null ? null : byId.get(channelId);
        return e == null || !e.session().isConnected() ? Optional.empty() : Optional.of(e.session());
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
     * The channel addresses to give an agent: those of its datacenter; if it has none, every
     * connected channel's; possibly none at all (the agent registers again later).
     *
     * @param idc the agent's datacenter
     * @return distinct addresses, sorted
     */
    List<String> addressesFor(String idc) {
        List<String> local = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (ChannelInfo c : list()) {
            if (c.address().isEmpty()) {
                continue;
            }
            all.add(c.address());
            if (c.idc().equals(idc)) {
                local.add(c.address());
            }
        }
        return (local.isEmpty() ? all : local).stream().distinct().sorted().toList();
    }
}
