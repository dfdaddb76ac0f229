package dev.vigil.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated API token; its authorities are its scopes ({@code SCOPE_metrics:write}, ...). */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiToken token;

    ApiTokenAuthentication(ApiToken token) {
        super(token.scopes().stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList());
        this.token = token;
        setAuthenticated(true);
    }

    ApiToken token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return token.name();
    }

    @Override
    public String getName() {
        return token.name();
    }

    List<String> scopeNames() {
        return token.scopes().stream().map(Scope::value).sorted().toList();
    }
}
