package dev.orrery.center.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.ws.rs.HttpMethod;
import org.junit.jupiter.api.Test;

/** Every resource method of the API declares the permission it needs: a new endpoint without one fails here. */
class PermissionScanTest {

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(HealthResource.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(HealthResource.class.getPackageName().replace('.', '/'));
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = f.getFileName().toString();
                Class<?> c = Class.forName(HealthResource.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (c.isAnnotationPresent(javax.ws.rs.Path.class)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean isResourceMethod(Method m) {
        if (m.isAnnotationPresent(javax.ws.rs.Path.class)) {
            return true;
        }
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyResourceMethodDeclaresAPermission() throws Exception {
        List<Class<?>> classes = resourceClasses();
        assertTrue(classes.size() >= 6, "found " + classes);
        List<String> missing = new ArrayList<>();
        int methods = 0;
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && isResourceMethod(m)) {
                    methods++;
                    Permission p = m.getAnnotation(Permission.class);
                    if (p == null || p.value().isBlank()) {
                        missing.add(c.getSimpleName() + "." + m.getName());
                    } else if (Permission.PUBLIC.equals(p.value()) && c != HealthResource.class) {
                        missing.add(c.getSimpleName() + "." + m.getName() + " (public outside /health)");
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "resource methods without @Permission");
        assertTrue(methods >= 15, "scanned " + methods + " resource methods");
    }
}
