package dev.orrery.center.security.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.security.AccountService;
import dev.orrery.center.security.AccountSpec;
import dev.orrery.center.security.Authorizer;
import dev.orrery.center.store.AccountStore;
import dev.orrery.center.store.ApiAccount;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AccountService} over the {@link AccountStore}. Changes that could remove the last
 * enabled admin are serialised in this component (one center writes accounts at a time), so two
 * concurrent requests cannot each disable one of the last two admins. Logs name key ids, never secrets.
 */
@Component(service = AccountService.class)
public final class DefaultAccountService implements AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccountService.class);
    private static final int SECRET_BYTES = 32;
    private static final int KEY_ID_BYTES = 8;

    private final AccountStore store;
    private final Authorizer authorizer;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param store the account store
     * @param authorizer validates extra permissions
     */
    @Activate
    public DefaultAccountService(@Reference AccountStore store, @Reference Authorizer authorizer) {
        this(store, authorizer, new SecureRandom(), Clock.systemUTC());
    }

    DefaultAccountService(AccountStore store, Authorizer authorizer, SecureRandom random, Clock clock) {
        this.store = store;
        this.authorizer = authorizer;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public synchronized ApiAccount create(AccountSpec spec) {
        Names.check("name", spec.name(), Names.ACCOUNT);
        if (spec.role() == null || !Authorizer.ROLES.contains(spec.role())) {
            throw Names.invalid("role must be one of " + Authorizer.ROLES + ", not '" + spec.role() + "'",
                    spec.role() == null ? List.of() : List.of(spec.role()));
        }
        Names.check("groups", spec.groups(), Names.GROUP);
        Names.check("taskTypes", spec.taskTypes(), Names.TASK_TYPE);
        Names.check("permissions", spec.permissions(), Names.GROUP);
        for (String p : spec.permissions()) {
            if (!authorizer.valid(p)) {
                throw Names.invalid("permission '" + p + "' is not a valid wildcard permission (e.g. cmd:highrisk, audit:read)", List.of(p));
            }
        }
        if (store.findByName(spec.name()).isPresent()) {
            throw new OrreryException(ErrorCode.ALREADY_EXISTS, "an API account named '" + spec.name() + "' exists", List.of(spec.name()));
        }
        ApiAccount account = new ApiAccount(newKeyId(), newSecret(), spec.name(), spec.role(), true, clock.millis(), spec.groups(),
                spec.taskTypes(), spec.commandMapping(), spec.permissions());
        try {
            store.create(account);
        } catch (IllegalStateException e) {
            throw new OrreryException(ErrorCode.ALREADY_EXISTS, "an API account named '" + spec.name() + "' exists", List.of(spec.name()));
        }
        LOG.info("API account {} ({}, role {}) created", account.keyId(), account.name(), account.role());
        return account;
    }

    @Override
    public List<ApiAccount> list() {
        return store.list();
    }

    @Override
    public ApiAccount get(String keyId) {
        return store.find(keyId).orElseThrow(() -> new OrreryException(ErrorCode.NOT_FOUND, "no API account '" + keyId + "'"));
    }

    @Override
    public synchronized ApiAccount enable(String keyId) {
        return setEnabled(get(keyId), true);
    }

    @Override
    public synchronized ApiAccount disable(String keyId) {
        ApiAccount a = get(keyId);
        refuseLastAdmin(a, "disabled");
        return setEnabled(a, false);
    }

    @Override
    public synchronized ApiAccount rotate(String keyId) {
        ApiAccount a = get(keyId);
        String secret = newSecret();
        if (!store.rotate(keyId, secret)) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "no API account '" + keyId + "'");
        }
        LOG.info("API account {} ({}) has a new secret; the old one no longer works", keyId, a.name());
        return new ApiAccount(a.keyId(), secret, a.name(), a.role(), a.enabled(), a.createdAt(), a.groups(), a.taskTypes(),
                a.commandMapping(), a.permissions());
    }

    @Override
    public synchronized void delete(String keyId) {
        ApiAccount a = get(keyId);
        refuseLastAdmin(a, "deleted");
        if (!store.delete(keyId)) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "no API account '" + keyId + "'");
        }
        LOG.info("API account {} ({}) deleted", keyId, a.name());
    }

    @Override
    public Map<String, String> mapping(String keyId, List<String> programs) {
        get(keyId);
        Names.check("programs", programs, Names.PROGRAM);
        try {
            return store.aliases(keyId, programs);
        } catch (IllegalArgumentException e) {
            throw new OrreryException(ErrorCode.NOT_FOUND, "no API account '" + keyId + "'");
        }
    }

    private ApiAccount setEnabled(ApiAccount a, boolean enabled) {
        ApiAccount changed = new ApiAccount(a.keyId(), a.secret(), a.name(), a.role(), enabled, a.createdAt(), a.groups(),
                a.taskTypes(), a.commandMapping(), a.permissions());
        if (a.enabled() != enabled) {
            if (!store.update(changed)) {
                throw new OrreryException(ErrorCode.NOT_FOUND, "no API account '" + a.keyId() + "'");
            }
            LOG.info("API account {} ({}) {}", a.keyId(), a.name(), enabled ? "enabled" : "disabled");
        }
        return changed;
    }

    private void refuseLastAdmin(ApiAccount a, String what) {
        if (!Authorizer.ADMIN.equals(a.role()) || !a.enabled()) {
            return;
        }
        long enabledAdmins = store.list().stream().filter(x -> x.enabled() && Authorizer.ADMIN.equals(x.role())).count();
        if (enabledAdmins <= 1) {
            throw new OrreryException(ErrorCode.FORBIDDEN, "account " + a.keyId() + " is the last enabled admin and cannot be " + what
                    + "; create or enable another admin first", List.of(a.keyId()));
        }
    }

    private String newKeyId() {
        byte[] b = new byte[KEY_ID_BYTES];
        random.nextBytes(b);
        return "key-" + HexFormat.of().formatHex(b);
    }

    private String newSecret() {
        byte[] b = new byte[SECRET_BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
