package dev.orrery.itests;

/**
 * The configuration keys the tests set to give each Karaf its own ports and identity: in one place,
 * so that a renamed setting is fixed once. Values are the PIDs' documented settings (see the
 * commented files in {@code karaf-features/src/main/cfg}).
 */
final class Settings {
    /** HTTP port of the REST API. */
    static final String WEB_CFG = "etc/org.ops4j.pax.web.cfg";
    static final String WEB_PORT = "org.osgi.service.http.port";
    /** Karaf console over SSH. */
    static final String SHELL_CFG = "etc/org.apache.karaf.shell.cfg";
    static final String SHELL_PORT = "sshPort";
    /** The center's port for channels and agent registration (7700 by default). */
    static final String LINK_CFG = "etc/dev.orrery.center.link.cfg";
    static final String LINK_PORT = "port";
    /** The channel: its port for agents (7710 by default) and where its center is. */
    static final String CHANNEL_CFG = "etc/dev.orrery.channel.cfg";
    static final String CHANNEL_PORT = "port";
    static final String CHANNEL_CENTER_PORT = "centerPort";
    static final String CHANNEL_ID = "channelId";
    static final String CHANNEL_IDC = "idc";
    static final String CHANNEL_LISTEN_HOST = "listenHost";
    static final String CHANNEL_ADVERTISED = "advertisedAddress";
    /** The agent: where its center (ConfigService) is. */
    static final String AGENT_CFG = "etc/dev.orrery.agent.cfg";
    static final String AGENT_CENTER_PORT = "centerPort";
    /** The agent's identity override. */
    static final String HOSTINFO_CFG = "etc/dev.orrery.agent.hostinfo.cfg";
    /** Where a center writes its admin API key, below {@code karaf.data}. */
    static final String ADMIN_KEY = "orrery/admin-api-key.json";

    private Settings() {
    }
}
