package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureSecurity;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.karaf.FreePorts;
import dev.orrery.bench.rest.SignedClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Boots the built {@code orrery-allinone} distribution (the tar.gz of the reactor, as a file URL,
 * so {@code mvn verify} needs no install) with every port chosen free at random, and waits until
 * the API is healthy and the local agent {@value #LOCAL_HOST} is ONLINE.
 */
public abstract class AllInOneTestSupport {
    /** Host id of the all-in-one's local agent in these tests. */
    static final String LOCAL_HOST = "it-local";

    /** Boot features installed: without this the bundles may still be resolving (stack.md trap 7). */
    @Inject
    protected BootFinished bootFinished;

    /** The console, for the tests that run shell commands. */
    @Inject
    protected SessionFactory sessionFactory;

    protected SignedClient api;

    @Configuration
    public Option[] config() {
        String tgz = required("orrery.allinone.tgz");
        String localRepo = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        String http = Integer.toString(FreePorts.next());
        String center = Integer.toString(FreePorts.next());
        String channel = Integer.toString(FreePorts.next());
        String ssh = Integer.toString(FreePorts.next());
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(tgz).toURI().toString())
                    .karafVersion(System.getProperty("orrery.karaf.version", "4.4.10"))
                    .name("Orrery all-in-one")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            when(Boolean.getBoolean("orrery.it.keep")).useOptions(keepRuntimeFolder()),
            configureConsole().ignoreLocalConsole(),
            configureSecurity().disableKarafMBeanServerBuilder(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
            editConfigurationFilePut(Settings.WEB_CFG, Settings.WEB_PORT, http),
            editConfigurationFilePut(Settings.SHELL_CFG, Settings.SHELL_PORT, ssh),
            editConfigurationFilePut(Settings.LINK_CFG, Settings.LINK_PORT, center),
            editConfigurationFilePut(Settings.CHANNEL_CFG, Settings.CHANNEL_PORT, channel),
            editConfigurationFilePut(Settings.CHANNEL_CFG, Settings.CHANNEL_CENTER_PORT, center),
            editConfigurationFilePut(Settings.AGENT_CFG, Settings.AGENT_CENTER_PORT, center),
            // the CPU watchdog measures the whole JVM, which here also runs the center and the channel
            editConfigurationFilePut(Settings.AGENT_CFG, "watchdogCpuPercent", "0"),
            editConfigurationFilePut(Settings.HOSTINFO_CFG, "hostId", LOCAL_HOST),
            editConfigurationFilePut(Settings.HOSTINFO_CFG, "hostname", LOCAL_HOST),
            editConfigurationFilePut(Settings.HOSTINFO_CFG, "groups", "it"),
            systemProperty("orrery.it.http").value(http),
            systemProperty("orrery.it.center").value(center),
            systemProperty("orrery.it.channel").value(channel),
            mavenBundle("org.awaitility", "awaitility", required("orrery.awaitility.version")),
            mavenBundle("org.hamcrest", "hamcrest", required("orrery.hamcrest.version")),
            streamBundle(signedClientBundle()),
        };
    }

    /**
     * The bench jar's {@link SignedClient} as a small bundle, so that the tests inside the container
     * sign requests with the same code as the tests and benches outside it (the bench jar itself is
     * no bundle).
     */
    private static java.io.InputStream signedClientBundle() {
        return TinyBundles.bundle()
                .addClass(SignedClient.class)
                .addClass(SignedClient.Answer.class)
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-SymbolicName", "dev.orrery.bench.rest.it")
                .setHeader("Export-Package", "dev.orrery.bench.rest")
                .setHeader("Import-Package", "com.fasterxml.jackson.databind,dev.orrery.api")
                .build(TinyBundles.rawBuilder());
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through mvn verify)");
        }
        return value;
    }

    /** Set when the container never became ready: later tests of the class then fail at once. */
    private static volatile String notReady;

    /** Waits for the API, the admin key and the local agent, then builds a signed client. */
    @Before
    public void awaitReady() throws Exception {
        if (notReady != null) {
            throw new AssertionError("the all-in-one never became ready: " + notReady);
        }
        try {
            awaitApiAndLocalAgent();
        } catch (RuntimeException | Error e) {
            notReady = String.valueOf(e.getMessage());
            throw new AssertionError(notReady + "\n---- last lines of karaf.log ----\n" + karafLogTail(80), e);
        }
    }

    /** @return the end of this container's Karaf log, so that a failure on CI explains itself */
    private static String karafLogTail(int lines) {
        try {
            String logDir = System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log");
            List<String> all = Files.readAllLines(Path.of(logDir, "karaf.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(karaf.log unreadable: " + e + ")";
        }
    }

    private void awaitApiAndLocalAgent() throws Exception {
        String base = "http://127.0.0.1:" + Integer.getInteger("orrery.it.http") + "/api/v1";
        SignedClient anonymous = new SignedClient(base, "-", "-");
        await("REST health").atMost(Duration.ofSeconds(90)).until(anonymous::healthy);
        Path keyFile = Path.of(System.getProperty("karaf.data"), Settings.ADMIN_KEY);
        await("admin key file").atMost(Duration.ofSeconds(30)).until(() -> Files.size(keyFile) > 0);
        api = SignedClient.fromKeyFile(base, keyFile);
        await("local agent ONLINE").atMost(Duration.ofSeconds(90)).until(() -> isOnline(LOCAL_HOST));
    }

    protected boolean isOnline(String hostId) throws Exception {
        SignedClient.Answer hosts = api.call("GET", "/hosts?status=ONLINE", null);
        if (hosts.status() != 200) {
            return false;
        }
        for (JsonNode host : hosts.json().path("hosts")) {
            if (hostId.equals(host.path("hostId").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one console command as the administrator "it".
     *
     * @param command the command line
     * @return what it printed, and its value when it returned one
     */
    protected String execute(String command) throws Exception {
        return console(command, false);
    }

    /**
     * Runs one console command as the administrator "it" that must fail.
     *
     * @param command the command line
     * @return what it printed, then its error message
     */
    protected String executeExpectingFailure(String command) throws Exception {
        return console(command, true);
    }

    private String console(String command, boolean mustFail) throws Exception {
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("it"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        admin.getPrincipals().add(new RolePrincipal("manager"));
        admin.getPrincipals().add(new RolePrincipal("viewer"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Subject.doAs(admin, (PrivilegedExceptionAction<Void>) () -> {
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                 Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
                try {
                    Object value = session.execute(command);
                    if (mustFail) {
                        fail(command + " should have failed; printed " + bytes.toString(StandardCharsets.UTF_8));
                    }
                    if (value != null) {
                        out.println(value);
                    }
                } catch (Exception e) {
                    if (!mustFail) {
                        throw e;
                    }
                    out.println(e.getMessage());
                }
            }
            return null;
        });
        return bytes.toString(StandardCharsets.UTF_8);
    }

    protected static int port(String name) {
        return Integer.getInteger("orrery.it." + name);
    }
}
