package dev.orrery.center.market.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.PluginRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A jar is the text {@code name version kind}; anything else is refused. */
final class FakeCatalog implements Catalog {
    final List<Path> imports = new CopyOnWriteArrayList<>();

    static byte[] jar(String name, String version) {
        return (name + " " + version + " script").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public PluginRecord inspect(byte[] jar, long maxBytes, String uploadedBy, long now) {
        if (jar.length > maxBytes) {
            throw new OrreryException(ErrorCode.CONTENT_TOO_LARGE, "too large");
        }
        String[] p = new String(jar, StandardCharsets.UTF_8).split(" ");
        if (p.length != 3) {
            throw new OrreryException(ErrorCode.PLUGIN_INVALID, "not a plugin bundle");
        }
        return new PluginRecord(p[0], p[1], p[2], "the " + p[0] + " " + p[1], "run.sh", "x." + p[0], Map.of(), jar.length,
                "ab".repeat(32), uploadedBy, now);
    }

    @Override
    public String xml(List<PluginRecord> plugins, String baseUri) {
        return baseUri + plugins.size();
    }

    @Override
    public List<String> importAll(Path dir, Path marker, Function<byte[], PluginRecord> upload) {
        imports.add(dir);
        return List.of(upload.apply(jar("std", "1.0.0")).name());
    }
}
