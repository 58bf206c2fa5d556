package dev.orrery.center.proxy.internal;

import dev.orrery.center.link.ChannelGateway;
import dev.orrery.center.link.ChannelInfo;
import dev.orrery.protocol.Message;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway that records what it is asked to send; only "connected" channels accept. */
final class FakeGateway implements ChannelGateway {
    /** A message sent through a channel. */
    record Sent(String channelId, Message message) {
    }

    final Set<String> connected = ConcurrentHashMap.newKeySet();
    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public boolean send(String channelId, Message message) {
        if (!connected.contains(channelId)) {
            return false;
        }
        sent.add(new Sent(channelId, message));
        return true;
    }

    @Override
    public List<ChannelInfo> channels() {
        return connected.stream().sorted().map(id -> new ChannelInfo(id, "idc", "", "", 0, 0, 0, 0)).toList();
    }

    <T extends Message> List<T> sentOf(Class<T> type) {
        return sent.stream().map(Sent::message).filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the tasks sent to a host, in order */
    List<Message.Task> tasksFor(String hostId) {
        return sentOf(Message.Task.class).stream().filter(t -> t.hostId().equals(hostId)).toList();
    }
}
