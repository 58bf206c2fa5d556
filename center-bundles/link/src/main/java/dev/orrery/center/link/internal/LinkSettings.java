package dev.orrery.center.link.internal;

/**
 * Validated link settings.
 *
 * @param listenHost address to bind
 * @param port TCP port, 0 for any free one
 * @param maxFrameBytes largest payload accepted
 * @param heartbeatSeconds heartbeat interval
 * @param workerThreads registration threads
 */
public record LinkSettings(String listenHost, int port, int maxFrameBytes, int heartbeatSeconds, int workerThreads) {
    public LinkSettings {
        if (listenHost == null || listenHost.isBlank()) {
            throw new IllegalArgumentException("listenHost must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1024, was " + maxFrameBytes);
        }
        if (heartbeatSeconds < 1) {
            throw new IllegalArgumentException("heartbeatSeconds must be positive, was " + heartbeatSeconds);
        }
        if (workerThreads < 1 || workerThreads > 64) {
            throw new IllegalArgumentException("workerThreads must be 1-64, was " + workerThreads);
        }
        listenHost = listenHost.trim();
    }

    static LinkSettings from(LinkConfig c) {
        return new LinkSettings(c.listenHost(), c.port(), c.maxFrameBytes(), c.heartbeatSeconds(), c.workerThreads());
    }
}
