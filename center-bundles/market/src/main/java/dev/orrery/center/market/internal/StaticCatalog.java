package dev.orrery.center.market.internal;

import dev.orrery.center.market.internal.catalog.Importer;
import dev.orrery.center.market.internal.catalog.PluginInspector;
import dev.orrery.center.market.internal.catalog.RepositoryIndex;
import dev.orrery.center.store.PluginRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The real {@link Catalog}: the catalog package's jar inspection, R5 index and import. */
final class StaticCatalog implements Catalog {
    @Override
    public PluginRecord inspect(byte[] jar, long maxBytes, String uploadedBy, long now) {
        return PluginInspector.inspect(jar, maxBytes, uploadedBy, now);
    }

    @Override
    public String xml(List<PluginRecord> plugins, String baseUri) {
        return RepositoryIndex.xml(plugins, baseUri);
    }

    @Override
    public List<String> importAll(Path dir, Path marker, Function<byte[], PluginRecord> upload) {
        return Importer.importAll(dir, marker, upload);
    }
}
