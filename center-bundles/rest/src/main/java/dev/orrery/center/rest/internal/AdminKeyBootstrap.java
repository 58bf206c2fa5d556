package dev.orrery.center.rest.internal;

import dev.orrery.center.store.AccountStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At first start (no API account in the store) creates the admin account and writes its key
 * to {@code ${karaf.data}/orrery/admin-api-key.json}. When accounts exist it does nothing, even
 * if that file is gone: a lost key is not silently replaced by a second admin.
 */
@Component(immediate = true)
public final class AdminKeyBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    @Reference
    private AccountStore accounts;

    @Activate
    private void activate(BundleContext context) {
        String data = context.getProperty("karaf.data");
        Path dir = Path.of(data == null || data.isBlank() ? "data" : data, "orrery");
        AdminKeyFile file = new AdminKeyFile(dir, accounts, new SecureRandom(), Clock.systemUTC());
        try {
            Optional<String> created = file.ensure();
            if (created.isPresent()) {
                LOG.info("Created the admin API account {}; its key is in {} (mode 0600)", created.get(), file.path());
            } else if (!Files.exists(file.path())) {
                LOG.info("API accounts exist; no admin key file is written ({} is absent)", file.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin API key to " + file.path(), e);
        }
    }
}
