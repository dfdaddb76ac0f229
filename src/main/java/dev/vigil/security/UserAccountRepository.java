package dev.vigil.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Users and their roles in {@code app_user} / {@code app_user_role}. */
@Repository
class UserAccountRepository {

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, display_name, password_hash, enabled, created_at FROM app_user WHERE username = ?")
                .param(username)
                .query(this::mapUser)
                .optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql("SELECT id, username, display_name, password_hash, enabled, created_at FROM app_user ORDER BY username")
                .query(this::mapUser)
                .list();
    }

    UserAccount insert(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) VALUES (?, ?, ?, TRUE, ?)")
                .params(username, displayName, passwordHash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        roles.forEach(role -> jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)")
                .params(id, role.name()).update());
        return new UserAccount(id, username, displayName, passwordHash, true, Set.copyOf(roles), now);
    }

    void setRoles(long id, Set<Role> roles) {
        jdbc.sql("DELETE FROM app_user_role WHERE user_id = ?").param(id).update();
        roles.forEach(role -> jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)")
                .params(id, role.name()).update());
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    void setPasswordHash(long id, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    /**
     * Locks the rows of the enabled admins until the transaction ends, so that two admins taking each
     * other's role at the same moment are serialised and the second sees the first's change.
     */
    void lockEnabledAdmins() {
        jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND id IN "
                + "(SELECT user_id FROM app_user_role WHERE role = 'ADMIN') FOR UPDATE").query(Long.class).list();
    }

    long countEnabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE enabled = TRUE AND id IN "
                + "(SELECT user_id FROM app_user_role WHERE role = 'ADMIN')").query(Long.class).single();
    }

    private UserAccount mapUser(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM app_user_role WHERE user_id = ?").param(id)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return new UserAccount(id, rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), roles,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
