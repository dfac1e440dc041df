package com.mediahub.platform.rest;

import java.util.Comparator;
import java.util.Set;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Runs the platform's Bean Validation on a request object and turns the first violation
 * (by field name, so the answer is stable) into a 400 that names the field.
 */
@ApplicationScoped
public class BeanValidation {

    @Inject
    Validator validator;

    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        violations.stream()
                .min(Comparator.comparing(v -> fieldName(v.getPropertyPath())))
                .ifPresent(v -> {
                    throw new ApiException(ErrorCatalogue.FIELD_INVALID, fieldName(v.getPropertyPath()), v.getMessage());
                });
        return request;
    }

    private static String fieldName(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        // Java names in camelCase, JSON names in snake_case (databaseId -> database_id).
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
