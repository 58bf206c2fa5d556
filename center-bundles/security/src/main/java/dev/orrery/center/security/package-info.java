/**
 * Security of the center's API: API accounts ({@link dev.orrery.center.security.AccountService}),
 * what each account may do ({@link dev.orrery.center.security.Authorizer}: roles and extra
 * permissions as Apache Shiro wildcard permissions) and per-account command mapping
 * ({@link dev.orrery.center.security.CommandMapping}). See {@code docs/accounts.md}.
 */
@Export
@Version("0.1.0")
package dev.orrery.center.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
