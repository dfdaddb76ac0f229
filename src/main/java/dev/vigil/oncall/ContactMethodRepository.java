package dev.vigil.oncall;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' contact methods, in the order they are tried. */
@Repository
class ContactMethodRepository {

    private final JdbcClient jdbc;

    ContactMethodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ContactMethod> of(String username) {
        return jdbc.sql("SELECT method_type, address FROM oncall_contact_method WHERE username = ? ORDER BY sort_order")
                .param(username).query((rs, n) -> new ContactMethod(rs.getString(1), rs.getString(2))).list();
    }

    Map<String, List<ContactMethod>> all() {
        return jdbc.sql("SELECT username, method_type, address FROM oncall_contact_method ORDER BY username, sort_order")
                .query((rs, n) -> Map.entry(rs.getString(1), new ContactMethod(rs.getString(2), rs.getString(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    void replace(String username, List<ContactMethod> methods) {
        jdbc.sql("DELETE FROM oncall_contact_method WHERE username = ?").param(username).update();
        for (int i = 0; i < methods.size(); i++) {
            jdbc.sql("INSERT INTO oncall_contact_method (username, sort_order, method_type, address) VALUES (?, ?, ?, ?)")
                    .params(username, i, methods.get(i).type(), methods.get(i).address()).update();
        }
    }
}
