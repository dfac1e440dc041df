package com.mediahub.databases.boundary;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.mediahub.databases.entity.Database;
import com.mediahub.databases.entity.Entry;
import com.mediahub.platform.json.Jsons;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** JSON shapes of databases and entries (contract 3.6); timestamps ISO-8601 UTC. */
final class DatabaseJson {

    private DatabaseJson() {
    }

    static JsonObject of(Database database) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("id", database.getId())
                .add("name", database.getName())
                .add("owner", database.getOwner().getUsername())
                .add("created_at", DateTimeFormatter.ISO_INSTANT.format(database.getCreatedAt()))
                .build();
    }

    static JsonObject of(Entry entry) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("id", entry.getId())
                .add("database_id", entry.getDatabaseId())
                .add("title", entry.getTitle())
                .add("content", entry.getContent())
                .add("created_at", DateTimeFormatter.ISO_INSTANT.format(entry.getCreatedAt()))
                .build();
    }

    static JsonArray databases(List<Database> databases) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        databases.forEach(d -> array.add(of(d)));
        return array.build();
    }

    static JsonArray entries(List<Entry> entries) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        entries.forEach(e -> array.add(of(e)));
        return array.build();
    }
}
