package dev.vigil.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens in {@code api_token}, looked up by the hash of the presented token. */
@Repository
class ApiTokenRepository {

    private static final String COLUMNS = "id, name, scopes, created_by, created_at, last_used_at, revoked_at";
    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ApiToken> findActiveByHash(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
                .param(tokenHash).query(ApiTokenRepository::map).optional();
    }

    boolean existsByHash(String tokenHash) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?").param(tokenHash)
                .query(Long.class).single() > 0;
    }

    List<ApiToken> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC")
                .query(ApiTokenRepository::map).list();
    }

    Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = ?").param(id)
                .query(ApiTokenRepository::map).optional();
    }

    Optional<ApiToken> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE name = ?").param(name)
                .query(ApiTokenRepository::map).optional();
    }

    /** Revokes the token if it is active; false if it was revoked already. */
    boolean revoke(long id, Instant now) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(now), id).update() == 1;
    }

    void insert(String name, String tokenHash, Set<Scope> scopes, String createdBy, Instant now) {
        jdbc.sql("INSERT INTO api_token (name, token_hash, scopes, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(name, tokenHash, scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(",")),
                        createdBy, utc(now))
                .update();
    }

    void touch(long id, Instant now) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(utc(now), id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(rs.getString("scopes").split(",")).map(Scope::fromValue)
                .flatMap(Optional::stream).forEach(scopes::add);
        return new ApiToken(rs.getLong("id"), rs.getString("name"), scopes, rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
