package dev.orrery.center.market.internal.catalog;

import dev.orrery.api.OrreryException;
import dev.orrery.center.store.PluginRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the standard plugins shipped in the distribution's {@code market/} folder, once: the marker file
 * records that the import ran, so plugins an operator deleted later do not come back at the next start.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private Importer() {
    }

    /**
     * When {@code marker} does not exist and {@code dir} is a folder: uploads every {@code *.jar} of {@code dir}
     * (sorted by file name) through {@code upload} (a jar that cannot be read or is refused, for example as a
     * duplicate, is logged and skipped), then writes the marker. Otherwise does nothing.
     *
     * @param dir the folder of plugin jars
     * @param marker the file that records a finished import
     * @param upload validates and stores one jar (normally {@code MarketService.upload(jar, IMPORTER)})
     * @return {@code "name version"} of every plugin imported now
     */
    public static List<String> importAll(Path dir, Path marker, Function<byte[], PluginRecord> upload) {
        if (Files.exists(marker)) {
            LOG.debug("Market import already done ({} exists)", marker);
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            LOG.info("No market import: {} is not a folder", dir);
            return List.of();
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(f))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            LOG.warn("Market import skipped: cannot list {}: {}", dir, e.toString());
            return List.of();
        }
        List<String> imported = new ArrayList<>();
        for (Path jar : jars) {
            String file = jar.getFileName().toString();
            try {
                PluginRecord p = upload.apply(Files.readAllBytes(jar));
                imported.add(p.name() + " " + p.version());
                LOG.info("Market import: {} {} from {}", p.name(), p.version(), file);
            } catch (OrreryException e) {
                LOG.warn("Market import: {} skipped ({}: {})", file, e.code(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Market import: {} skipped: {}", file, e.toString());
            }
        }
        writeMarker(marker, imported);
        LOG.info("Market import done: {} of {} jars from {}", imported.size(), jars.size(), dir);
        return imported;
    }

    private static void writeMarker(Path marker, List<String> imported) {
        StringBuilder text = new StringBuilder("# Orrery market import done at " + Instant.now() + "; delete this file to import again\n");
        imported.forEach(line -> text.append(line).append('\n'));
        try {
            Path parent = marker.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(marker, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Market import: cannot write the marker {} (the import runs again at the next start): {}", marker, e.toString());
        }
    }
}
