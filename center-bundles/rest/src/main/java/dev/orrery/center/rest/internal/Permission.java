package dev.orrery.center.rest.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a resource method needs, in Shiro wildcard syntax ({@code task:submit},
 * {@code audit:read}). Every resource method carries one; the authorization filter refuses a
 * caller whose role and extra permissions do not imply it with {@code FORBIDDEN}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Permission {
    /** Needs no account: only {@code GET /health}, the one resource the signature filter lets through unsigned. */
    String PUBLIC = "public";

    /** @return the permission, e.g. {@code host:read} */
    String value();
}
