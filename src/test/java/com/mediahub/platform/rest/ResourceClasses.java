package com.mediahub.platform.rest;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * For tests: the application's JAX-RS resource classes, found in the compiled main classes the
 * way the deployed application finds them (every {@code @Path} class), and their routes.
 */
public final class ResourceClasses {

    private ResourceClasses() {
    }

    public static List<Class<?>> all() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.mediahub").stream()
                .filter(type -> type.isAnnotatedWith(jakarta.ws.rs.Path.class))
                .<Class<?>>map(JavaClass::reflect)
                .toList();
    }

    public static Routes routes() {
        return Routes.of(all());
    }
}
