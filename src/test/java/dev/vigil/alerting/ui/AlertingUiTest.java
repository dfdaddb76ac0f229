package dev.vigil.alerting.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;

import dev.vigil.KaribuViewTest;
import dev.vigil.TestAccounts;
import dev.vigil.alerting.AlertRule;
import dev.vigil.alerting.AlertingManagement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerting views share one application context with every other suite: rules a test makes have
 * unique names, start disabled, and are deleted afterwards.
 */
abstract class AlertingUiTest extends KaribuViewTest {

    static final List<String> ADMIN_ROLES = List.of("ADMIN", "MANAGER", "RESPONDER");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AlertingManagement alerting;

    private final List<String> created = new ArrayList<>();

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    void loginAsAdmin() {
        login(TestAccounts.ADMIN, ADMIN_ROLES);
    }

    /** A disabled threshold rule made through the API, deleted after the test. */
    AlertRule createRule(String json) {
        AlertRule rule = asManager(() -> alerting.createRule(JSON.readTree(json)));
        created.add(rule.id());
        return rule;
    }

    void deleteAfterwards(String ruleId) {
        created.add(ruleId);
    }

    @AfterEach
    void deleteCreatedRules() {
        asManager(() -> {
            created.stream().filter(id -> alerting.ruleStatuses().stream().anyMatch(s -> s.rule().id().equals(id)))
                    .forEach(alerting::deleteRule);
            return null;
        });
    }

    <T> T asManager(java.util.function.Supplier<T> call) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(TestAccounts.ADMIN,
                "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_MANAGER", "ROLE_RESPONDER")));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    /**
     * Types a value as a user would. Karibu's {@code _setValue} calls a Vaadin 24 internal that
     * Vaadin 25 no longer has; this keeps its check that a person could edit the field at all.
     */
    static <V> void set(HasValue<?, V> field, V value) {
        if (field.isReadOnly() || !((Component) field).isVisible() || !((HasEnabled) field).isEnabled()) {
            throw new AssertionError(field + " cannot be edited");
        }
        field.setValue(value);
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
