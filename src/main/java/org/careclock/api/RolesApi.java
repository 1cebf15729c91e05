package org.careclock.api;

import jakarta.validation.Valid;
import org.careclock.base.Actor;
import org.careclock.user.RoleInfo;
import org.careclock.user.RoleService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code POST /api/v2/roles}: creates a role; a role that exists already is answered as it is (200). */
@RestController
@RequestMapping("/api/v2/roles")
class RolesApi {

    private final RoleService roles;

    RolesApi(RoleService roles) {
        this.roles = roles;
    }

    @PostMapping
    ResponseEntity<Wire.RoleResponse> create(@AuthenticationPrincipal Actor actor,
                                             @Valid @RequestBody Requests.CreateRole request) {
        String name = request.name();
        boolean existed = roles.exists(name);
        RoleInfo role = roles.create(actor, name, null);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Wire.RoleResponse(new Wire.Role(role.name(), !role.builtIn(), List.of())));
    }
}
