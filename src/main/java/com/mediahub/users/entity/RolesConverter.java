package com.mediahub.users.entity;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a user's roles as one sorted, comma-separated column (there are only two roles). */
@Converter
public class RolesConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> roles) {
        return roles == null ? "" : String.join(",", new TreeSet<>(roles));
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return Collections.emptySet();
        }
        return Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
