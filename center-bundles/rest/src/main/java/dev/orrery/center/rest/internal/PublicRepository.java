package dev.orrery.center.rest.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resource methods of the plugin repository ({@code repository.xml} and the bundle
 * downloads): when the REST setting {@code publicRepository} is on, the
 * {@link SignatureFilter} lets their GETs through unsigned and the {@link AuthorizationFilter}
 * then lets them pass without an account; otherwise they need their {@link Permission} like any other.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicRepository {
}
