package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The marketplace from inside the all-in-one Karaf. From the console of the all-in-one: {@code market:list} shows the standard
 * plugins imported at first start, {@code market:upload} adds one from a file,
 * {@code market:subscribe} installs it on the local agent's group and {@code market:status} shows
 * it installed; the plugin runs; {@code market:unsubscribe} removes it from the host again. And
 * Karaf's features resolver installs a plugin from the marketplace's repository index.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MarketShellIT extends AllInOneTestSupport {
    private static final String PLUGIN = "it-shell";
    private static final String TOP_BSN = "dev.orrery.plugin.top-processes";

    @Inject
    private FeaturesService features;

    @Inject
    private BundleContext context;

    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(editConfigurationFilePut(Settings.AGENT_CFG, "statusSeconds", "2"));
        return options.toArray(new Option[0]);
    }

    /**
     * Karaf's own provisioning reads the marketplace: a features repository naming
     * {@code /market/repository.xml} as its resource repository and a feature that only requires
     * the identity of a standard plugin; installing the feature makes Karaf's resolver find the
     * bundle in the index and download it from the URL the index gives, unsigned.
     */
    @Test
    public void karafsResolverInstallsAPluginFromTheRepositoryIndex() throws Exception {
        await("standard plugins listed").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> execute("market:list").contains("top-processes"));
        String index = "http://127.0.0.1:" + port("http") + "/api/v1/market/repository.xml";
        Path xml = Files.createTempFile("market-features-", ".xml");
        Files.writeString(xml, "<features xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\" name=\"market-it\">\n"
                + "  <resource-repository>" + index + "</resource-repository>\n"
                + "  <feature name=\"market-it-top\" version=\"1.0.0\">\n"
                + "    <requirement>osgi.identity;filter:=\"(&amp;(osgi.identity=" + TOP_BSN + ")(type=osgi.bundle))\"</requirement>\n"
                + "  </feature>\n</features>\n");
        try {
            features.addRepository(xml.toUri());
            features.installFeature("market-it-top", "1.0.0", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            Bundle installed = Arrays.stream(context.getBundles()).filter(b -> TOP_BSN.equals(b.getSymbolicName())).findFirst()
                    .orElseThrow(() -> new AssertionError(TOP_BSN + " not installed from the market index"));
            assertTrue(installed.getLocation(), installed.getLocation().startsWith("http://127.0.0.1:" + port("http")
                    + "/api/v1/market/plugins/top-processes/1.0.0/bundle.jar"));
            features.uninstallFeature("market-it-top", "1.0.0");
        } finally {
            features.removeRepository(xml.toUri());
            Files.deleteIfExists(xml);
        }
    }

    @Test
    public void uploadSubscribeStatusRunAndUnsubscribeFromTheConsole() throws Exception {
        await("standard plugins listed").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            String list = execute("market:list");
            return list.contains("disk-usage") && list.contains("top-processes") && list.contains("log-tail") && list.contains("port-check");
        });

        Path jar = Files.createTempFile("it-shell-", ".jar");
        try {
            Files.write(jar, PluginJars.script(PLUGIN, "1.0.0", "#!/bin/sh\necho \"shell plugin $ORRERY_PLUGIN_VERSION $*\"\n", null));
            String uploaded = execute("market:upload " + jar);
            assertTrue(uploaded, uploaded.contains(PLUGIN) && uploaded.contains("1.0.0"));
            String again = executeExpectingFailure("market:upload " + jar);
            assertTrue(again, again.contains("CONFLICT") || again.contains("already"));
        } finally {
            Files.deleteIfExists(jar);
        }

        execute("market:subscribe it " + PLUGIN + " 1.0.0");
        await("installed on the local agent").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    String status = execute("market:status it");
                    return status.contains(PLUGIN) && status.contains(LOCAL_HOST) && status.contains("INSTALLED")
                            && status.contains("DONE");
                });

        SignedClient.Answer run = api.call("POST", "/plugin",
                "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"plugin\":\"" + PLUGIN + "\",\"args\":[\"x\",\"y z\"]}");
        assertEquals(run.body(), 202, run.status());
        String taskId = run.json().path("taskId").asText();
        await("plugin run done").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> "DONE".equals(api.call("GET", "/tasks/" + taskId, null).json().path("state").asText()));
        JsonNode result = api.call("GET", "/tasks/" + taskId + "/results", null).json().path("results").path(0);
        assertEquals(result.toString(), "SUCCEEDED", result.path("state").asText());
        assertEquals(result.toString(), "shell plugin 1.0.0 x y z", result.path("stdout").asText().trim());

        execute("market:unsubscribe it " + PLUGIN);
        await("removed from the local agent").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> !api.call("GET", "/hosts/" + LOCAL_HOST, null).json().path("plugins").toString().contains(PLUGIN));
        String status = execute("market:status it");
        assertTrue(status, !status.contains(PLUGIN));
    }
}
