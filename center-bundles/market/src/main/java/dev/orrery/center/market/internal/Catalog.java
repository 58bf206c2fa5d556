package dev.orrery.center.market.internal;

import dev.orrery.center.store.PluginRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the service needs from the catalog package (jar inspection, the R5 index, the import):
 * an interface so that tests can stand in for it. {@link StaticCatalog} is the real one.
 */
interface Catalog {

    /**
     * @param jar the bundle jar
     * @param maxBytes the size limit
     * @param uploadedBy who uploads it
     * @param now epoch ms
     * @return the validated record
     * @throws dev.orrery.api.OrreryException {@code PLUGIN_INVALID} or {@code CONTENT_TOO_LARGE}
     */
    PluginRecord inspect(byte[] jar, long maxBytes, String uploadedBy, long now);

    /**
     * @param plugins every version
     * @param baseUri where the bundle URLs are relative to
     * @return the repository.xml document
     */
    String xml(List<PluginRecord> plugins, String baseUri);

    /**
     * @param dir the folder of jars
     * @param marker the file that makes the import happen once
     * @param upload uploads one jar
     * @return what was imported (for the log)
     */
    List<String> importAll(Path dir, Path marker, Function<byte[], PluginRecord> upload);
}
