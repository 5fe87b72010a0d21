package io.team365.identity.internal;

import io.team365.identity.Role;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

final class RoleAuthorities {

    private RoleAuthorities() {}

    static List<GrantedAuthority> of(Role role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.authority()));
    }
}
