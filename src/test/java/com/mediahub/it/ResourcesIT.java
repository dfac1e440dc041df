package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Contract 3.6 and 3.7: the protected API with its owner/admin rules, validation and cascades. */
class ResourcesIT extends DeployedWar {

    private Api.TestUser alice;
    private Api.TestUser bob;

    @BeforeEach
    void users() {
        alice = api.createUser("alice", "alice-password", "user");
        bob = api.createUser("bob", "bob-password", "user");
    }

    private long createDatabase(Api.TestUser owner, String name) {
        Reply reply = api.post("/api/databases", owner.basic(), Json.createObjectBuilder().add("name", name).build().toString()).expect(201);
        long id = reply.json().getJsonNumber("id").longValue();
        assertTrue(reply.header("Location").endsWith("/api/databases/" + id), reply.header("Location"));
        return id;
    }

    private static String entry(long databaseId, String title, String content) {
        return Json.createObjectBuilder().add("database_id", databaseId).add("title", title).add("content", content).build().toString();
    }

    @Test
    void ownersManageTheirDatabasesAndEntries() {
        long films = createDatabase(alice, "films");
        JsonObject db = api.get("/api/databases/" + films, alice.basic()).expect(200).json();
        assertEquals("films", db.getString("name"));
        assertEquals(alice.username(), db.getString("owner"));
        assertTrue(db.getString("created_at").endsWith("Z"), db.toString());

        JsonObject created = api.post("/api/entry", alice.basic(), entry(films, "Alien", "1979")).expect(201).json();
        assertEquals("Alien", created.getString("title"));
        var entries = api.get("/api/databases/" + films + "/entries", alice.basic()).expect(200).jsonArray();
        assertEquals(1, entries.size());
        assertEquals("1979", entries.getJsonObject(0).getString("content"));

        var mine = api.get("/api/databases", alice.basic()).expect(200).jsonArray();
        assertEquals(List.of(films), mine.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList());
        api.delete("/api/databases/" + films, alice.basic()).expect(204);
        api.get("/api/databases/" + films, alice.basic()).expectError(404, "Database not found");
        assertEquals(0, db().count("SELECT COUNT(*) FROM entries WHERE database_id = ?", films), "entries go with their database");
    }

    private Db db() {
        return db;
    }

    @Test
    void othersGet403AndAdminsMayDoEverything() {
        long films = createDatabase(alice, "films");
        String notOwner = "Only the owner of this database or an admin may access it.";
        api.get("/api/databases/" + films, bob.basic()).expectError(403, notOwner);
        api.get("/api/databases/" + films + "/entries", bob.basic()).expectError(403, notOwner);
        api.post("/api/entry", bob.basic(), entry(films, "Mine now", "")).expectError(403, notOwner);
        api.delete("/api/databases/" + films, bob.basic()).expectError(403, notOwner);
        assertEquals(0, db.count("SELECT COUNT(*) FROM entries WHERE database_id = ?", films), "nothing written");
        assertTrue(api.get("/api/databases", bob.basic()).expect(200).jsonArray().isEmpty());

        api.get("/api/databases/" + films, admin()).expect(200);
        api.post("/api/entry", admin(), entry(films, "By admin", "ok")).expect(201);
        assertTrue(api.get("/api/databases", admin()).expect(200).jsonArray().stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == films));
        api.get("/api/databases/999999999", alice.basic()).expectError(404, "Database not found");
        api.post("/api/entry", alice.basic(), entry(999999999, "x", "y")).expectError(404, "Database not found");
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        long films = createDatabase(alice, "films");
        long before = db.count("SELECT COUNT(*) FROM databases");
        api.post("/api/databases", alice.basic(), "{}").expectError(400, "Field 'name' is required");
        api.post("/api/databases", alice.basic(), "{\"name\":\"\"}").expectError(400, "Field 'name' must not be blank");
        api.post("/api/databases", alice.basic(), "{\"name\":42}").expectError(400, "Field 'name' must be a string");
        api.post("/api/databases", alice.basic(), "{\"name\":\"" + "n".repeat(101) + "\"}").expectError(400, "Field 'name' size must be between 0 and 100");
        api.post("/api/databases", alice.basic(), "{\"name\":").expectError(400, "Invalid request body");
        api.post("/api/entry", alice.basic(), "{\"database_id\":\"1\",\"title\":\"t\"}").expectError(400, "Field 'database_id' must be an integer");
        api.post("/api/entry", alice.basic(), "{\"database_id\":1.5,\"title\":\"t\"}").expectError(400, "Field 'database_id' must be an integer");
        api.post("/api/entry", alice.basic(), entry(films, "t".repeat(201), "")).expectError(400, "Field 'title' size must be between 0 and 200");
        api.post("/api/entry", alice.basic(), "{\"database_id\":" + films + ",\"title\":[1]}").expectError(400, "Field 'title' must be a string");
        api.send("POST", "/api/databases", alice.basic(), "{\"name\":\"x\"}", "text/plain").expectError(415, "Content-Type must be application/json");
        api.post("/api/databases", alice.basic(), "{\"name\":\"" + "x".repeat(1_000_000) + "\"}").expectError(413, "Request body too large");
        api.get("/api/databases/abc", alice.basic()).expectError(400, "Path parameter 'id' must be a positive integer");
        api.send("POST", "/api/databases", alice.basic(), "{\"name\":\"x\"}", "application/json; charset=nonsense")
                .expectError(415, "Unsupported charset in Content-Type");
        api.post("/api/databases", alice.basic(), "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).expectError(400, "Invalid request body");
        api.postChunked("/api/databases", alice.basic(), 2_000_000).expectError(413, "Request body too large");
        assertEquals(before, db.count("SELECT COUNT(*) FROM databases"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM entries WHERE database_id = ?", films));
    }

    @Test
    void usersEndpoints() {
        JsonObject me = api.get("/api/users/me", alice.basic()).expect(200).json();
        assertEquals(List.of("id", "username", "roles", "created_at", "two_factor"), List.copyOf(me.keySet()));
        assertEquals(Json.createObjectBuilder().add("totp", false).add("recovery_codes_left", 0).build(), me.getJsonObject("two_factor"),
                "issue 18: the caller's own second factor");
        assertEquals(List.of("user"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));

        api.get("/api/users", alice.basic()).expectError(403, "This action requires the admin role.");
        api.post("/api/users", alice.basic(), "{\"username\":\"x\",\"password\":\"12345678\"}").expectError(403, "This action requires the admin role.");
        assertTrue(api.get("/api/users", admin()).expect(200).jsonArray().size() >= 3);

        String dup = "{\"username\":\"" + alice.username() + "\",\"password\":\"another-password\"}";
        api.post("/api/users", admin(), dup).expectError(409, "Username already exists");
        api.post("/api/users", admin(), "{\"username\":\"shorty\",\"password\":\"1234567\"}").expectError(400, "Field 'password' must be at least 8 characters");
        api.post("/api/users", admin(), "{\"username\":\"longpw\",\"password\":\"" + "é".repeat(37) + "\"}").expectError(400, "Field 'password' must be at most 72 bytes in UTF-8");
        api.post("/api/users", admin(), "{\"username\":\"with:colon\",\"password\":\"12345678\"}").expect(400);
        api.post("/api/users", admin(), "{\"username\":\"role\",\"password\":\"12345678\",\"roles\":[\"root\"]}").expect(400);
        api.post("/api/users", admin(), "{\"password\":\"12345678\"}").expectError(400, "Field 'username' is required");
        assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE username IN ('shorty','longpw','with:colon','role')"));
    }

    @Test
    void deletingAUserCascadesAndKillsTheirTokensAtOnce() {
        long films = createDatabase(bob, "films");
        api.post("/api/entry", bob.basic(), entry(films, "Alien", "1979")).expect(201);
        Api.Tokens tokens = api.login(bob.username(), bob.password());
        api.login(bob.username(), bob.password());
        assertEquals(2, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", bob.id()));

        api.delete("/api/users/" + bob.id(), alice.basic()).expectError(403, "Only the user themself or an admin may do this.");
        api.delete("/api/users/" + bob.id(), Api.bearer(tokens.access())).expect(204);

        assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE id = ?", bob.id()));
        assertEquals(0, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", bob.id()));
        assertEquals(0, db.count("SELECT COUNT(*) FROM databases WHERE owner_id = ?", bob.id()));
        assertEquals(0, db.count("SELECT COUNT(*) FROM entries WHERE database_id = ?", films));
        api.get("/api/users/me", Api.bearer(tokens.access())).expectError(401, "Invalid token");
        api.refresh(tokens.refresh()).expectError(401, "Invalid or expired refresh token");
        api.get("/api/users/me", bob.basic()).expectError(401, "Authentication failed");
        api.delete("/api/users/" + bob.id(), admin()).expectError(404, "User not found");
    }

    @Test
    void adminsMayDeleteAnyUser() {
        api.delete("/api/users/" + alice.id(), admin()).expect(204);
        api.get("/api/users/me", alice.basic()).expectError(401, "Authentication failed");
    }

    @Test
    void publicServiceEndpoints() {
        assertEquals(Json.createObjectBuilder().add("status", "UP").add("database", "UP").build(),
                api.get("/api/health", null).expect(200).json());
        JsonObject info = api.get("/api/info", null).expect(200).json();
        assertEquals("mediahub", info.getString("name"));
        assertTrue(info.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), info.toString());
        assertTrue(info.getJsonNumber("uptime_seconds").longValue() >= 0, info.toString());
        assertEquals(String.valueOf(ItEnvironment.newestMigration()), info.getString("schema_version"), info.toString());
        assertEquals(Json.createArrayBuilder().add("Basic").add("Bearer").build(), info.getJsonArray("auth_schemes"));
        assertEquals("closed", info.getString("registration"), "the default; OperatorFeaturesIT has it open");
    }

    private static String json(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build().toString();
    }

    @Test
    void ownersRenameDatabasesAndChangeAndDeleteEntries() {
        long films = createDatabase(alice, "films");
        JsonObject renamed = api.send("PATCH", "/api/databases/" + films, alice.basic(), json("name", "  Films 1979  "),
                "application/json").expect(200).json();
        assertEquals("Films 1979", renamed.getString("name"), "stripped, as when created");
        assertEquals(alice.username(), renamed.getString("owner"));
        assertEquals("Films 1979", api.get("/api/databases/" + films, alice.basic()).expect(200).json().getString("name"));

        long alien = api.post("/api/entry", alice.basic(), entry(films, "Alien", "1979")).expect(201).json().getJsonNumber("id").longValue();
        JsonObject read = api.get("/api/entry/" + alien, alice.basic()).expect(200).json();
        assertEquals("1979", read.getString("content"));
        assertEquals(films, read.getJsonNumber("database_id").longValue());

        JsonObject titled = api.send("PATCH", "/api/entry/" + alien, alice.basic(), json("title", "Alien (director's cut)"),
                "application/json").expect(200).json();
        assertEquals("Alien (director's cut)", titled.getString("title"));
        assertEquals("1979", titled.getString("content"), "an absent field stays");
        JsonObject both = api.send("PATCH", "/api/entry/" + alien, alice.basic(),
                "{\"title\":\"Alien\",\"content\":\"Ridley Scott\"}", "application/json").expect(200).json();
        assertEquals("Ridley Scott", both.getString("content"));
        assertEquals(read.getString("created_at"), both.getString("created_at"));

        api.delete("/api/entry/" + alien, alice.basic()).expect(204);
        api.get("/api/entry/" + alien, alice.basic()).expectError(404, "Entry not found");
        api.delete("/api/entry/" + alien, alice.basic()).expectError(404, "Entry not found");
        assertEquals(0, db.count("SELECT COUNT(*) FROM entries WHERE id = ?", alien));
    }

    @Test
    void changingSomeoneElsesDatabaseOrEntryIs403AndChangesNothing() {
        long films = createDatabase(alice, "films");
        long alien = api.post("/api/entry", alice.basic(), entry(films, "Alien", "1979")).expect(201).json().getJsonNumber("id").longValue();
        String notOwner = "Only the owner of this database or an admin may access it.";
        api.send("PATCH", "/api/databases/" + films, bob.basic(), json("name", "mine"), "application/json").expectError(403, notOwner);
        api.get("/api/entry/" + alien, bob.basic()).expectError(403, notOwner);
        api.send("PATCH", "/api/entry/" + alien, bob.basic(), json("title", "mine"), "application/json").expectError(403, notOwner);
        api.delete("/api/entry/" + alien, bob.basic()).expectError(403, notOwner);
        assertEquals(1, db.count("SELECT COUNT(*) FROM entries WHERE id = ? AND title = 'Alien'", alien), "nothing changed");
        assertEquals(1, db.count("SELECT COUNT(*) FROM databases WHERE id = ? AND name = 'films'", films));

        assertEquals("renamed by admin", api.send("PATCH", "/api/databases/" + films, admin(), json("name", "renamed by admin"),
                "application/json").expect(200).json().getString("name"));
        assertEquals("by admin", api.send("PATCH", "/api/entry/" + alien, admin(), json("content", "by admin"), "application/json")
                .expect(200).json().getString("content"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM entries WHERE id = ? AND content = 'by admin'", alien), "stored");
        api.delete("/api/entry/" + alien, admin()).expect(204);
        api.send("PATCH", "/api/databases/999999999", alice.basic(), json("name", "x"), "application/json")
                .expectError(404, "Database not found");
        api.send("PATCH", "/api/entry/999999999", alice.basic(), json("title", "x"), "application/json")
                .expectError(404, "Entry not found");
    }

    @Test
    void badChangesAreA400NamingTheFieldAndChangeNothing() {
        long films = createDatabase(alice, "films");
        long alien = api.post("/api/entry", alice.basic(), entry(films, "Alien", "1979")).expect(201).json().getJsonNumber("id").longValue();
        String db = "/api/databases/" + films;
        String one = "/api/entry/" + alien;
        api.send("PATCH", db, alice.basic(), "{}", "application/json").expectError(400, "Field 'name' is required");
        api.send("PATCH", db, alice.basic(), json("name", " "), "application/json").expectError(400, "Field 'name' must not be blank");
        api.send("PATCH", db, alice.basic(), json("name", "n".repeat(101)), "application/json")
                .expectError(400, "Field 'name' size must be between 0 and 100");
        api.send("PATCH", db, alice.basic(), "{\"name\":", "application/json").expectError(400, "Invalid request body");
        api.send("PATCH", db, alice.basic(), json("name", "x"), "text/plain").expectError(415, "Content-Type must be application/json");
        api.send("PATCH", one, alice.basic(), "{}", "application/json").expectError(400, "Give 'title', 'content' or both");
        api.send("PATCH", one, alice.basic(), "{\"title\":null}", "application/json").expectError(400, "Give 'title', 'content' or both");
        api.send("PATCH", one, null, json("title", "x"), "application/json").expectError(401, "Authorization header required");
        api.delete(one, null).expectError(401, "Authorization header required");
        api.send("PATCH", db, null, json("name", "x"), "application/json").expectError(401, "Authorization header required");
        api.send("PATCH", one, alice.basic(), json("title", ""), "application/json").expectError(400, "Field 'title' must not be blank");
        api.send("PATCH", one, alice.basic(), json("content", "c".repeat(20001)), "application/json")
                .expectError(400, "Field 'content' size must be between 0 and 20000");
        api.send("PATCH", one, alice.basic(), "{\"title\":7}", "application/json").expectError(400, "Field 'title' must be a string");
        api.send("PATCH", "/api/entry/abc", alice.basic(), json("title", "x"), "application/json")
                .expectError(400, "Path parameter 'id' must be a positive integer");
        api.get("/api/entry/0", alice.basic()).expectError(400, "Path parameter 'id' must be a positive integer");
        assertEquals(1, this.db.count("SELECT COUNT(*) FROM entries WHERE id = ? AND title = 'Alien' AND content = '1979'", alien));
        assertEquals(1, this.db.count("SELECT COUNT(*) FROM databases WHERE id = ? AND name = 'films'", films));
    }

    @Test
    void listsComeInPagesByIdWhenAskedTo() {
        long films = createDatabase(alice, "films");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.post("/api/entry", alice.basic(), entry(films, "e" + i, "")).expect(201).json().getJsonNumber("id").longValue());
        }
        String entries = "/api/databases/" + films + "/entries";
        assertEquals(ids.subList(0, 2), idsOf(api.get(entries + "?limit=2", alice.basic()).expect(200).jsonArray()));
        assertEquals(ids.subList(2, 4), idsOf(api.get(entries + "?limit=2&after=" + ids.get(1), alice.basic()).expect(200).jsonArray()));
        assertEquals(ids.subList(4, 5), idsOf(api.get(entries + "?limit=2&after=" + ids.get(3), alice.basic()).expect(200).jsonArray()));
        assertEquals(List.of(), idsOf(api.get(entries + "?limit=2&after=" + ids.get(4), alice.basic()).expect(200).jsonArray()));
        assertEquals(ids, idsOf(api.get(entries, alice.basic()).expect(200).jsonArray()), "without parameters: the whole list");

        long second = createDatabase(alice, "books");
        assertEquals(List.of(films), idsOf(api.get("/api/databases?limit=1", alice.basic()).expect(200).jsonArray()));
        assertEquals(List.of(second), idsOf(api.get("/api/databases?limit=1&after=" + films, alice.basic()).expect(200).jsonArray()));

        api.get(entries + "?limit=0", alice.basic()).expectError(400, "Query parameter 'limit' must be a whole number from 1 to 500");
        api.get(entries + "?limit=501", alice.basic()).expectError(400, "Query parameter 'limit' must be a whole number from 1 to 500");
        api.get(entries + "?limit=ten", alice.basic()).expectError(400, "Query parameter 'limit' must be a whole number from 1 to 500");
        api.get(entries + "?after=-1", alice.basic()).expectError(400, "Query parameter 'after' must be a whole number from 0");
        api.get("/api/databases?after=x", alice.basic()).expectError(400, "Query parameter 'after' must be a whole number from 0");
        assertEquals(ids.subList(3, 5), idsOf(api.get(entries + "?after=" + ids.get(2), alice.basic()).expect(200).jsonArray()),
                "after alone: the rest, up to 500");
        api.get(entries + "?limit=2", bob.basic()).expectError(403, "Only the owner of this database or an admin may access it.");
        assertEquals(ids.subList(0, 2), idsOf(api.get(entries + "?limit=2", admin()).expect(200).jsonArray()), "an admin pages anyone's");
    }

    private static List<Long> idsOf(jakarta.json.JsonArray array) {
        return array.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
